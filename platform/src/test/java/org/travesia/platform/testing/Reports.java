package org.travesia.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds incident report bodies for tests: a valid minimal report, changed field by field. */
public final class Reports {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private Reports() {
        body.put("clientReportId", UUID.randomUUID().toString());
        body.put("type", "KIDNAPPING");
        body.put("occurredAt", "2026-11-20");
        body.put("occurredAtPrecision", "DAY");
        body.put("place", new LinkedHashMap<>(Map.of("country", "PA", "admin1", "Darién",
                "coordinates", Map.of("lat", 8.0412, "lon", -77.6541), "precision", "KM_2")));
        body.put("description", "Group of 14 stopped at the river crossing; two men taken.");
    }

    public static Reports kidnapping() {
        return new Reports();
    }

    public Reports with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public Reports withPlace(String field, Object value) {
        ((Map<String, Object>) body.get("place")).put(field, value);
        return this;
    }

    public Reports without(String field) {
        body.remove(field);
        return this;
    }

    public Reports sharedWith(String sharing) {
        return with("sharing", sharing);
    }

    public Reports onRoute(String routeId, String segmentId) {
        body.put("routeId", routeId);
        body.put("segmentId", segmentId);
        return this;
    }

    public Reports affected(Map<String, Object> counts) {
        return with("affected", counts);
    }

    /** Consent obtained for these uses ({@code PROTECTION}, {@code ADVOCACY_AGGREGATED}...); none: not obtained. */
    public Reports consentingTo(String... uses) {
        return with("consent", Map.of("obtained", uses.length > 0, "uses", List.of(uses)));
    }

    public Reports nationalities(String... codes) {
        return with("nationalities", List.of(codes));
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(body);
    }

    public String clientReportId() {
        return (String) body.get("clientReportId");
    }
}
