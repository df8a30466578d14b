package org.travesia.kernel.alert;

/**
 * The figures that made a rule fire, over its window: incidents counted, dead plus missing among them (unknown
 * counts as none), the threshold they met, and for a spike the weekly mean of the baseline weeks.
 */
public record AlertFigures(Integer incidents, Integer deadAndMissing, Integer threshold, Double baselineWeeklyMean) {
}
