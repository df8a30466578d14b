package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A monitor typed a victim's name into an incident. An analyst of the reporting organisation redacts it: the name is
 * gone from every read, history, as-of state and export, and everything else about the incident is intact.
 */
class IncidentRedactionTest {

    private static final String ROUTE = "redaction-route";
    private static final String NAME = "Yolanda-Quispe-" + UUID.randomUUID().toString().substring(0, 8);
    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static String incident;
    private static Instant beforeRedaction;
    private static Api reader;

    @BeforeAll
    static void start() {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property());
        Api monitor = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR"));
        Api analyst = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
        reader = system.queries().bearer(tokens.token("ana", "org-a", "ANALYST"));
        Api.Response created = monitor.post("/api/v1/incidents", Reports.kidnapping().onRoute(ROUTE, null)
                .affected(Map.of("dead", 0, "missing", 1)).sharedWith("NETWORK").consentingTo("PROTECTION")
                .with("description", NAME + " was taken at the river")
                .withPlace("locality", "the house of " + NAME)
                .with("source", Map.of("type", "DIRECT_TESTIMONY", "quality", 4, "reference", "interview with " + NAME))
                .build());
        incident = created.json().get("incidentId").asText();
        written(monitor.post("/api/v1/incidents/" + incident + "/amendments", Map.of("expectedVersion", 0,
                "reason", NAME + "'s sister called", "changes", Map.of("affected", Map.of("missing", 2)))));
        written(analyst.post("/api/v1/incidents/" + incident + "/verification", Map.of("note", "spoke with " + NAME)));
        assertThat(reader.get("/api/v1/incidents/" + incident + "?minVersion=2").json().get("description").asText())
                .as("readable before the redaction").contains(NAME);
        beforeRedaction = Instant.now();

        Api.Response redacted = analyst.post("/api/v1/incidents/" + incident + "/redaction",
                Map.of("reason", "names a victim"));
        assertThat(redacted.status()).as(redacted.toString()).isEqualTo(200);
        assertThat(redacted.json().get("version").asLong()).isEqualTo(3);
        assertThat(reader.get("/api/v1/incidents/" + incident + "?minVersion=3").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theFreeTextIsGoneFromTheIncidentAndEverythingElseIsIntact() {
        JsonNode read = reader.get("/api/v1/incidents/" + incident).json();

        assertThat(read.toString()).doesNotContain(NAME);
        assertThat(read.get("description").isNull()).isTrue();
        assertThat(read.get("place").get("locality").isNull()).isTrue();
        assertThat(read.get("redacted")).extracting(JsonNode::asText).contains("description", "place.locality",
                "source.reference", "sources[0].reference", "verification.note");
        assertThat(read.get("type").asText()).isEqualTo("KIDNAPPING");
        assertThat(read.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(read.get("affected").get("missing").asInt()).isEqualTo(2);
        assertThat(read.get("place").get("admin1").asText()).isEqualTo("Darién");
        assertThat(read.get("place").get("coordinates").get("lat").asDouble()).isEqualTo(8.0412);
        assertThat(read.get("source").get("quality").asInt()).isEqualTo(4);
    }

    @Test
    void theHistoryKeepsEveryEventWithoutTheTextAndSaysWhyItWasRedacted() {
        JsonNode history = reader.get("/api/v1/incidents/" + incident + "/history").json().get("items");

        assertThat(history.toString()).doesNotContain(NAME);
        assertThat(history).extracting(entry -> entry.get("event").asText()).containsExactly("IncidentReported",
                "IncidentAmended", "IncidentVerified", "IncidentFreeTextRedacted");
        assertThat(history.get(1).get("redacted")).extracting(JsonNode::asText).containsExactly("reason");
        assertThat(history.get(1).get("changes").get("affected").get("to").get("missing").asInt()).isEqualTo(2);
        assertThat(history.get(3).get("reason").asText()).isEqualTo("names a victim");
    }

    @Test
    void theStateAsItWasKnownBeforeTheRedactionIsRedactedToo() {
        JsonNode asOf = reader.get("/api/v1/incidents/" + incident + "?asOf=" + beforeRedaction).json();

        assertThat(asOf.get("version").asLong()).isEqualTo(2);
        assertThat(asOf.toString()).doesNotContain(NAME);
        assertThat(asOf.get("redacted")).extracting(JsonNode::asText).contains("description");
    }

    @Test
    void exportsShowTheTextAsRedacted() {
        for (String format : new String[] {"json", "csv", "geojson", "hxl"}) {
            for (String audience : new String[] {"internal", "network"}) {
                Api.Response export = reader.get("/api/v1/exports/incidents?format=" + format + "&audience="
                        + audience + "&route=" + ROUTE);
                assertThat(export.status()).as(export.toString()).isEqualTo(200);
                assertThat(export.body()).as(format + " for " + audience).doesNotContain(NAME).contains("[redacted]");
            }
        }
        JsonNode row = reader.get("/api/v1/exports/incidents?format=json&audience=internal&route=" + ROUTE).json()
                .get("items").get(0);
        assertThat(row.get("description").asText()).isEqualTo("[redacted]");
        assertThat(row.get("missing").asText()).isEqualTo("2");
        assertThat(reader.get("/api/v1/exports/incidents?format=json&audience=internal&asOf=" + beforeRedaction
                + "&route=" + ROUTE).body()).doesNotContain(NAME);
    }

    @Test
    void textWrittenAfterTheRedactionIsReadable() {
        Api analyst = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
        String another = analyst.post("/api/v1/incidents", Reports.kidnapping().with("description", NAME).build())
                .json().get("incidentId").asText();
        written(analyst.post("/api/v1/incidents/" + another + "/redaction", Map.of("reason", "names a victim")));

        written(analyst.post("/api/v1/incidents/" + another + "/amendments", Map.of("expectedVersion", 1,
                "reason", "rewritten without the name", "changes", Map.of("description", "a woman was taken"))));

        JsonNode read = reader.get("/api/v1/incidents/" + another + "?minVersion=2").json();
        assertThat(read.get("description").asText()).isEqualTo("a woman was taken");
        assertThat(read.get("redacted")).isEmpty();
    }

    @Test
    void onlyAnAnalystOfTheReportingOrganisationRedacts() {
        Api monitor = system.commands().bearer(tokens.token("maria", "org-a", "MONITOR"));
        Api otherAnalyst = system.commands().bearer(tokens.token("olga", "org-b", "ANALYST"));

        assertThat(monitor.post("/api/v1/incidents/" + incident + "/redaction", Map.of("reason", "x")).status())
                .isEqualTo(403);
        Api.Response other = otherAnalyst.post("/api/v1/incidents/" + incident + "/redaction", Map.of("reason", "x"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("code").asText()).isEqualTo("incident.not-yours");
        Api analyst = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
        assertThat(analyst.post("/api/v1/incidents/" + incident + "/redaction", Map.of("reason", " ")).status())
                .isEqualTo(400);
    }

    private static void written(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
