package org.travesia.kernel.common;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a value object's constructor, or by a command handler, when a value breaks a rule. */
public class InvalidValueException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidValueException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining(", ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidValueException(String field, String code, Object... args) {
        this(List.of(Violation.of(field, code, args)));
    }

    public List<Violation> violations() {
        return violations;
    }

    public InvalidValueException under(String parent) {
        return new InvalidValueException(violations.stream().map(v -> v.under(parent)).toList());
    }
}
