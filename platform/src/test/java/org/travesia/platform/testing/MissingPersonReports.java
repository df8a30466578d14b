package org.travesia.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds missing-person report bodies for tests: a valid report, changed field by field. */
public final class MissingPersonReports {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> person = new LinkedHashMap<>();
    private final Map<String, Object> lastSeen = new LinkedHashMap<>();
    private final Map<String, Object> place = new LinkedHashMap<>();

    private MissingPersonReports(String fullName) {
        body.put("clientReportId", UUID.randomUUID().toString());
        person.put("fullName", fullName);
        person.put("aliases", List.of());
        person.put("sex", "FEMALE");
        person.put("ageRange", Map.of("min", 22, "max", 23));
        person.put("nationality", "VE");
        person.put("languages", List.of("es"));
        person.put("distinguishingFeatures", "scar on the left hand");
        body.put("person", person);
        place.put("country", "PA");
        place.put("admin1", "Darién");
        lastSeen.put("date", "2026-10-02");
        lastSeen.put("precision", "DAY");
        lastSeen.put("place", place);
        lastSeen.put("routeId", "darien");
        body.put("lastSeen", lastSeen);
        body.put("reporter", Map.of("relationship", "SIBLING", "contact", "+58 412 555 0101"));
        body.put("consent", Map.of("obtained", true, "uses", List.of("PROTECTION", "FAMILY_TRACING"),
                "givenBy", "REPORTER"));
    }

    public static MissingPersonReports of(String fullName) {
        return new MissingPersonReports(fullName);
    }

    public MissingPersonReports with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public MissingPersonReports person(String field, Object value) {
        person.put(field, value);
        return this;
    }

    public MissingPersonReports lastSeen(String field, Object value) {
        lastSeen.put(field, value);
        return this;
    }

    public MissingPersonReports lastSeenAt(String field, Object value) {
        place.put(field, value);
        return this;
    }

    public MissingPersonReports sharedWith(String sharing) {
        return with("sharing", sharing);
    }

    public Map<String, Object> build() {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("person", new LinkedHashMap<>(person));
        Map<String, Object> seen = new LinkedHashMap<>(lastSeen);
        seen.put("place", new LinkedHashMap<>(place));
        copy.put("lastSeen", seen);
        return copy;
    }
}
