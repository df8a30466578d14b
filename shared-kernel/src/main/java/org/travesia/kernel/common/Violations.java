package org.travesia.kernel.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects violations while a nested value is built, so that a client learns about every bad field at once instead
 * of one per round trip. Each step runs a constructor; its violations are recorded under the given path. A field
 * keeps its first violation only: a later rule that fails because an earlier value was refused adds nothing.
 * <p>
 * Recording costs the same however many violations there are, and at most {@value #MAX_REPORTED} are reported; the
 * rest are counted in one last violation ({@code violations.more}), so a hostile body cannot make refusing it
 * expensive.
 */
public final class Violations {

    public static final int MAX_REPORTED = 100;

    private final Map<String, Violation> found = new LinkedHashMap<>();
    private final Set<String> unreported = new HashSet<>();

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
        String field = violation.field();
        if (found.containsKey(field)) {
            return;
        }
        if (found.size() < MAX_REPORTED) {
            found.put(field, violation);
        } else {
            unreported.add(field);
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
        List<Violation> all = new ArrayList<>(found.values());
        if (!unreported.isEmpty()) {
            all.add(Violation.of("", "violations.more", unreported.size()));
        }
        return all;
    }

    /** Throws if anything was found; call it once every field has been looked at. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidValueException(list());
        }
    }

    /** As {@link #throwIfAny()}, with every field under {@code parent} ({@code changes}, say). */
    public void throwIfAnyUnder(String parent) {
        if (!found.isEmpty()) {
            throw new InvalidValueException(list()).under(parent);
        }
    }
}
