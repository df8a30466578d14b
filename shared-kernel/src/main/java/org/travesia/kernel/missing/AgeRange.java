package org.travesia.kernel.missing;

import org.travesia.kernel.common.Violations;

/**
 * An age, or a range of ages, in years; either end may be unknown. An exact age is a range of one year.
 */
public record AgeRange(Integer min, Integer max) {

    public static final int OLDEST = 120;
    /** The band width that is kept after an erasure, and shown to other organisations. */
    public static final int BAND = 5;

    public AgeRange {
        Violations v = new Violations();
        v.check(min == null || (min >= 0 && min <= OLDEST), "min", "missing-person.age.out-of-range", 0, OLDEST);
        v.check(max == null || (max >= 0 && max <= OLDEST), "max", "missing-person.age.out-of-range", 0, OLDEST);
        v.check(min == null || max == null || min <= max, "max", "missing-person.age.range-inverted");
        v.throwIfAny();
    }

    /**
     * The range widened to whole bands of {@value #BAND} years (22 to 23 becomes 20 to 24): what statistics need,
     * and too coarse to single anyone out.
     */
    public AgeRange band() {
        return new AgeRange(min == null ? null : min / BAND * BAND, max == null ? null : max / BAND * BAND + BAND - 1);
    }

    /** Whether someone of this range could be in {@code other}; unknown ends overlap everything. */
    public boolean overlaps(AgeRange other) {
        boolean belowOtherMax = min == null || other.max() == null || min <= other.max();
        boolean aboveOtherMin = max == null || other.min() == null || max >= other.min();
        return belowOtherMax && aboveOtherMin;
    }
}
