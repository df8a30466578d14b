package org.travesia.kernel.common;

/** The actor may not do this to this particular thing (for example, amend another monitor's report). */
public class NotPermittedException extends RuntimeException {

    private final String code;

    public NotPermittedException(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
