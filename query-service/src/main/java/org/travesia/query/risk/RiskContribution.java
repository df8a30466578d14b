package org.travesia.query.risk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.incident.PartnerReadConsent;

/**
 * What one incident adds to the risk buckets of its day: under its route, segment, organisation, sharing level (with
 * whether it carries the consent another organisation needs, {@link PartnerReadConsent}), type and verification, one
 * incident and its people. Counts are whole numbers (the quality weight in hundredths), so that adding and taking
 * away is exact and a replay gives identical figures.
 */
record RiskContribution(String routeId, String segmentKey, String organisationKey, String sharing,
                        boolean partnerConsent, String type, boolean verified, LocalDate day,
                        Map<String, Long> metrics) implements BucketContribution {

    static final String NO_SEGMENT = "_";
    /**
     * Marks, in a leaf's sharing key, the incidents that carry the partner consent: {@code NETWORK+c}. A key without
     * it (every key written before consent was kept in the buckets) counts only for its own organisation, so buckets
     * of an older build under-count for partners until replayed, and never over-count.
     */
    static final String PARTNER_CONSENT = "+c";
    static final String INCIDENTS = "n";
    static final String QUALITY_WEIGHT = "qw";
    /**
     * The people counted at a leaf, and the incidents that left each unknown, under names of a letter or two: a leaf
     * holds eight counters, and every bucket update copies, and every read encodes, each counter's name. Spelled out
     * ({@code deadUnknown}, ...), the six took 57 bytes of a leaf's counters' 145 or so; now 9.
     */
    static final String DEAD = "d";
    static final String MISSING = "m";
    static final String INJURED = "j";
    static final String DEAD_UNKNOWN = "du";
    static final String MISSING_UNKNOWN = "mu";
    static final String INJURED_UNKNOWN = "ju";
    /**
     * The totals of a bucket document, per organisation and sharing key: {@code t.<organisation>.<sharing key>}, with
     * the incidents ({@link #INCIDENTS}) and their weight before recency ({@link #WEIGHT}). The window before a risk
     * view's is read from these alone, not from every leaf.
     */
    static final String TOTALS = "t";
    /** Σ severity × quality weight in hundredths: whole numbers, as every severity is one ({@link RiskIndex}). */
    static final String WEIGHT = "w";

    @Override
    public String leaf() {
        return "s." + organisationKey + "." + sharingKey() + "." + type + "." + (verified ? "v" : "u");
    }

    /** The leaf's counters, and the incident and its weight in the totals of its organisation and sharing key. */
    @Override
    public Map<String, Long> increments() {
        Map<String, Long> increments = BucketContribution.super.increments();
        String totals = TOTALS + "." + organisationKey + "." + sharingKey() + ".";
        increments.put(totals + INCIDENTS, metrics.getOrDefault(INCIDENTS, 0L));
        increments.put(totals + WEIGHT, RiskIndex.weight(type, metrics.getOrDefault(QUALITY_WEIGHT, 0L)));
        return increments;
    }

    private String sharingKey() {
        return sharing + (partnerConsent ? PARTNER_CONSENT : "");
    }

    /** The sharing level named by a leaf's sharing key. */
    static String sharingIn(String sharingKey) {
        return sharingKey.endsWith(PARTNER_CONSENT)
                ? sharingKey.substring(0, sharingKey.length() - PARTNER_CONSENT.length()) : sharingKey;
    }

    /** Whether a leaf's sharing key says its incidents carry the partner consent. */
    static boolean partnerConsentIn(String sharingKey) {
        return sharingKey.endsWith(PARTNER_CONSENT);
    }

    /** The day of an ISO date or date-time, or null when there is none or it cannot be read. */
    static LocalDate day(String isoDate) {
        if (isoDate == null || isoDate.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate.substring(0, 10));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static String organisationKey(String organisation) {
        return HexFormat.of().formatHex(organisation.getBytes(StandardCharsets.UTF_8));
    }

    static String organisationOf(String key) {
        return new String(HexFormat.of().parseHex(key), StandardCharsets.UTF_8);
    }

    static Map<String, Long> metrics(Integer dead, Integer missing, Integer injured, long qualityWeightHundredths) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(INCIDENTS, 1L);
        m.put(DEAD, dead == null ? 0L : dead);
        m.put(MISSING, missing == null ? 0L : missing);
        m.put(INJURED, injured == null ? 0L : injured);
        m.put(DEAD_UNKNOWN, dead == null ? 1L : 0L);
        m.put(MISSING_UNKNOWN, missing == null ? 1L : 0L);
        m.put(INJURED_UNKNOWN, injured == null ? 1L : 0L);
        m.put(QUALITY_WEIGHT, qualityWeightHundredths);
        return m;
    }

    Document toDocument() {
        return new Document("routeId", routeId).append("segmentKey", segmentKey)
                .append("organisationKey", organisationKey).append("sharing", sharing)
                .append("partnerConsent", partnerConsent).append("type", type)
                .append("verified", verified).append("day", day.toString()).append("metrics", new Document(
                        new LinkedHashMap<String, Object>(metrics)));
    }

    static RiskContribution of(Document d) {
        if (d == null) {
            return null;
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        d.get("metrics", Document.class).forEach((k, v) -> metrics.put(k, ((Number) v).longValue()));
        return new RiskContribution(d.getString("routeId"), d.getString("segmentKey"), d.getString("organisationKey"),
                d.getString("sharing"), Boolean.TRUE.equals(d.getBoolean("partnerConsent")), d.getString("type"),
                d.getBoolean("verified"), LocalDate.parse(d.getString("day")), metrics);
    }
}
