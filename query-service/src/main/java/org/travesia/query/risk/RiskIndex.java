package org.travesia.query.risk;

import java.util.Map;
import java.util.TreeMap;

/**
 * The risk index, documented in the README: for each incident counted, its type's severity weight times its
 * quality weight, times a recency weight of the bucket it falls in, summed.
 * <ul>
 * <li>severity: from 10 (a death) down to 2 (discrimination), {@link #SEVERITY}; a type this build does not know
 * weighs 3;</li>
 * <li>quality: 0.2 per point of the incident's effective source quality (1 to 5, so 0.2 to 1.0), 0.4 when unknown;
 * a verified incident weighs at least 0.8;</li>
 * <li>recency: halves every {@value #HALF_LIFE_DAYS} days between the end of the bucket and the end of the window, so
 * that the same incidents weigh the same in a window and in the window before it.</li>
 * </ul>
 * Quality is summed per bucket when incidents are projected; recency is applied when a window is read.
 */
final class RiskIndex {

    static final double HALF_LIFE_DAYS = 90;
    static final double UNKNOWN_TYPE_SEVERITY = 3;
    static final Map<String, Double> SEVERITY = Map.ofEntries(
            Map.entry("DEATH", 10.0),
            Map.entry("DISAPPEARANCE", 9.0),
            Map.entry("KIDNAPPING", 8.0),
            Map.entry("HUMAN_TRAFFICKING", 8.0),
            Map.entry("SEXUAL_AND_GENDER_BASED_VIOLENCE", 8.0),
            Map.entry("PHYSICAL_VIOLENCE", 6.0),
            Map.entry("ACCIDENT", 5.0),
            Map.entry("ENVIRONMENTAL_EXPOSURE", 5.0),
            Map.entry("ABUSE_BY_SMUGGLERS", 5.0),
            Map.entry("EXTORTION", 4.0),
            Map.entry("PUSHBACK_OR_EXPULSION", 4.0),
            Map.entry("FAMILY_SEPARATION", 4.0),
            Map.entry("ARBITRARY_DETENTION", 3.0),
            Map.entry("ROBBERY", 3.0),
            Map.entry("THREAT_OR_INTIMIDATION", 3.0),
            Map.entry("DENIAL_OF_ACCESS_TO_ASYLUM", 3.0),
            Map.entry("DENIAL_OF_HUMANITARIAN_ASSISTANCE", 3.0),
            Map.entry("DISCRIMINATION_OR_XENOPHOBIA", 2.0));

    private RiskIndex() {
    }

    static double severity(String type) {
        return SEVERITY.getOrDefault(type, UNKNOWN_TYPE_SEVERITY);
    }

    /**
     * An incident's weight before recency, in hundredths: its type's severity times its quality weight in hundredths.
     * Exact, as every severity is a whole number.
     */
    static long weight(String type, long qualityWeightHundredths) {
        return Math.round(severity(type) * qualityWeightHundredths);
    }

    /**
     * The weights, as the bucket totals hold them multiplied in ({@link RiskContribution#WEIGHT}): buckets summed under
     * other weights are replayed ({@link RiskLayoutUpgrade}).
     */
    static String weights() {
        return new TreeMap<>(SEVERITY) + " otherwise " + UNKNOWN_TYPE_SEVERITY;
    }

    static double quality(boolean verified, Integer effectiveQuality) {
        double byQuality = effectiveQuality == null ? 0.4 : 0.2 * effectiveQuality;
        return verified ? Math.max(0.8, byQuality) : byQuality;
    }

    static double recency(long daysBeforeEndOfWindow) {
        return Math.pow(0.5, Math.max(0, daysBeforeEndOfWindow) / HALF_LIFE_DAYS);
    }
}
