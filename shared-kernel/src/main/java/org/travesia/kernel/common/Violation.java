package org.travesia.kernel.common;

import java.util.List;
import java.util.Objects;

/**
 * One reason a value was refused. {@code code} is stable (clients switch on it); {@code field} is a dotted path
 * relative to the value that raised it, which callers prefix as the value nests ({@code lat} becomes
 * {@code place.coordinates.lat}). {@code args} fill the localised message.
 */
public record Violation(String field, String code, List<Object> args) {

    public Violation {
        Objects.requireNonNull(code, "code");
        field = field == null ? "" : field;
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }

    public Violation under(String parent) {
        if (parent == null || parent.isEmpty()) {
            return this;
        }
        return new Violation(field.isEmpty() ? parent : parent + "." + field, code, args);
    }
}
