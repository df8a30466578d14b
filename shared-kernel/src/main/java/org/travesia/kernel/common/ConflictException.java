package org.travesia.kernel.common;

import java.util.List;

/** A command that cannot apply to the current state: a stale version, a reused report id, a retracted incident. */
public class ConflictException extends RuntimeException {

    private final String code;
    private final transient List<Object> args;

    public ConflictException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = List.of(args);
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }
}
