package org.travesia.kernel.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations while a nested value is built, so that a client learns about every bad field at once instead
 * of one per round trip. Each step runs a constructor; its violations are recorded under the given path. A field
 * keeps its first violation only: a later rule that fails because an earlier value was refused adds nothing.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /** Builds a value, recording its violations under {@code path}; returns null if it was refused. */
    public <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            e.violations().forEach(v -> record(v.under(path)));
            return null;
        }
    }

    public void add(String field, String code, Object... args) {
        record(Violation.of(field, code, args));
    }

    private void record(Violation violation) {
        if (found.stream().noneMatch(v -> v.field().equals(violation.field()))) {
            found.add(violation);
        }
    }

    public void check(boolean ok, String field, String code, Object... args) {
        if (!ok) {
            add(field, code, args);
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws if anything was found; call it once every field has been looked at. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidValueException(found);
        }
    }
}
