package org.travesia.platform.web;

/** Answered as 404. The code says what was not found ({@code incident.not-found}). */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
