package org.travesia.kernel.incident;

import org.travesia.kernel.common.Violations;

/**
 * Aggregated counts of the people affected. {@code null} means unknown and {@code 0} means none: the two are never
 * merged, because "no one died" and "we do not know" lead to different actions.
 */
public record AffectedPeople(Integer dead, Integer missing, Integer injured, Integer survivors, Integer female,
                             Integer male, Integer children, Integer unaccompaniedChildren) {

    public static final int MAX_COUNT = 100_000;

    public AffectedPeople {
        Violations v = new Violations();
        count(v, "dead", dead);
        count(v, "missing", missing);
        count(v, "injured", injured);
        count(v, "survivors", survivors);
        count(v, "female", female);
        count(v, "male", male);
        count(v, "children", children);
        count(v, "unaccompaniedChildren", unaccompaniedChildren);
        if (v.isEmpty() && children != null && unaccompaniedChildren != null) {
            v.check(unaccompaniedChildren <= children, "unaccompaniedChildren", "affected.unaccompanied-exceeds-children");
        }
        v.throwIfAny();
    }

    public static AffectedPeople unknown() {
        return new AffectedPeople(null, null, null, null, null, null, null, null);
    }

    private static void count(Violations v, String field, Integer value) {
        if (value != null && value < 0) {
            v.add(field, "count.negative");
        } else if (value != null && value > MAX_COUNT) {
            v.add(field, "count.too-large", MAX_COUNT);
        }
    }

    /** Dead plus missing, where at least one is known; null when both are unknown. */
    public Integer deadAndMissing() {
        if (dead == null && missing == null) {
            return null;
        }
        return (dead == null ? 0 : dead) + (missing == null ? 0 : missing);
    }
}
