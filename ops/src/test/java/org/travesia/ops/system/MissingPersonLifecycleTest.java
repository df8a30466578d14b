package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.MissingPersonReports;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case's life over HTTP, as the issue tells it: reported, seen, linked to a shipwreck, found dead in it; and
 * another found alive. Then the reads: the case, its history, search by route, status and name, and the counts.
 */
class MissingPersonLifecycleTest {

    private static final String CASES = "/api/v1/missing-persons";
    private static TravesiaSystem system;
    private static Api monitor;
    private static Api analyst;
    private static Api reader;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
        monitor = system.commands().as("monitor");
        analyst = system.commands().as("analyst");
        reader = system.queries().as("analyst");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void reportedSeenLinkedToAShipwreckAndFoundDeceasedThere() {
        String route = "lifecycle-deceased";
        Api.Response reported = monitor.post(CASES, MissingPersonReports.of("Rosa María Ibarra")
                .person("aliases", List.of("La Flaca")).person("yearOfBirth", 2003).lastSeen("routeId", route)
                .lastSeenAt("coordinates", Map.of("lat", 8.41, "lon", -77.48)).build());
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String caseId = reported.json().get("caseId").asText();
        assertThat(reported.json().get("version").asLong()).isZero();

        written(monitor.post(CASES + "/" + caseId + "/sightings", Map.of("date", "2026-10-09", "place",
                Map.of("country", "PA", "admin1", "Darién", "locality", "Canaán Membrillo"),
                "source", "DIRECT_TESTIMONY", "confidence", "MEDIUM", "note", "seen boarding a boat")), 1);
        String shipwreck = incident(Reports.kidnapping().with("type", "DEATH").with("occurredAt", "2026-10-12")
                .onRoute(route, null).affected(Map.of("dead", 9, "female", 4, "male", 5)).sharedWith("NETWORK"));
        written(monitor.post(CASES + "/" + caseId + "/incident-links", Map.of("incidentId", shipwreck,
                "reason", "the boat she boarded")), 2);
        written(analyst.post(CASES + "/" + caseId + "/found-deceased", Map.of("incidentId", shipwreck,
                "note", "identified by the scar on her left hand")), 3);

        JsonNode found = reader.get(CASES + "/" + caseId + "?minVersion=3").json();
        assertThat(found.get("status").asText()).isEqualTo("FOUND_DECEASED");
        assertThat(found.get("person").get("fullName").asText()).isEqualTo("Rosa María Ibarra");
        assertThat(found.get("person").get("ageRange").get("min").asInt()).isEqualTo(22);
        assertThat(found.get("person").get("ageBand").get("max").asInt()).isEqualTo(24);
        assertThat(found.get("person").get("yearOfBirth").asInt()).isEqualTo(2003);
        assertThat(found.get("reporter").get("contact").asText()).isEqualTo("+58 412 555 0101");
        assertThat(found.get("lastSeen").get("place").get("coordinates").get("lat").asDouble()).isEqualTo(8.41);
        assertThat(found.get("sightings").get(0).get("place").get("locality").asText()).isEqualTo("Canaán Membrillo");
        assertThat(found.get("incidentIds")).extracting(JsonNode::asText).containsExactly(shipwreck);
        assertThat(found.get("foundDeceased").get("incidentId").asText()).isEqualTo(shipwreck);
        assertThat(found.get("foundDeceased").get("note").asText()).contains("scar");

        JsonNode history = reader.get(CASES + "/" + caseId + "/history").json().get("items");
        assertThat(history).extracting(entry -> entry.get("event").asText()).containsExactly("MissingPersonReported",
                "SightingRecorded", "IncidentLinkedToCase", "MissingPersonFoundDeceased");
        assertThat(history.get(2).get("details").get("reason").asText()).isEqualTo("the boat she boarded");
        assertThat(history.get(0).get("actor").get("user").asText()).isEqualTo("monitor");

        assertThat(caseIds(reader.get(CASES + "?route=" + route).json())).containsExactly(caseId);
        assertThat(caseIds(reader.get(CASES + "?route=" + route + "&status=FOUND_DECEASED").json()))
                .containsExactly(caseId);
        assertThat(caseIds(reader.get(CASES + "?route=" + route + "&status=OPEN").json())).isEmpty();
        assertThat(caseIds(reader.get(CASES + "?name=ibarra%20ROSA").json())).as("exact tokens, any order or case")
                .containsExactly(caseId);
        assertThat(caseIds(reader.get(CASES + "?name=flaca").json())).as("aliases are indexed").containsExactly(caseId);
        assertThat(caseIds(reader.get(CASES + "?name=Ibarr").json())).as("a partial token is no match").isEmpty();
        assertThat(caseIds(reader.get(CASES + "?name=Rosa&yearOfBirth=2003").json())).containsExactly(caseId);
        assertThat(caseIds(reader.get(CASES + "?name=Rosa&yearOfBirth=2004").json())).isEmpty();
        JsonNode counts = reader.get(CASES + "/counts?route=" + route).json();
        assertThat(counts.get("cases").asLong()).isEqualTo(1);
        assertThat(counts.get("byStatus").get("FOUND_DECEASED").asLong()).isEqualTo(1);
        assertThat(counts.get("bySex").get("FEMALE").asLong()).isEqualTo(1);
    }

    @Test
    void reportedAndFoundAlive() {
        String caseId = monitor.post(CASES, MissingPersonReports.of("Pedro Quispe").person("sex", "MALE")
                .lastSeen("routeId", "lifecycle-alive").build()).json().get("caseId").asText();

        written(monitor.post(CASES + "/" + caseId + "/found-alive", Map.of("date", "2026-11-20",
                "note", "in a shelter in Panama City")), 1);
        written(analyst.post(CASES + "/" + caseId + "/closure", Map.of("reason", "reunited with his family")), 2);

        JsonNode closed = reader.get(CASES + "/" + caseId + "?minVersion=2").json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("foundAlive").get("date").asText()).isEqualTo("2026-11-20");
        assertThat(closed.get("closure").get("reason").asText()).isEqualTo("reunited with his family");
        Api.Response again = monitor.post(CASES + "/" + caseId + "/sightings", Map.of("date", "2026-11-21",
                "place", Map.of("country", "PA"), "source", "MEDIA", "confidence", "LOW"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("missing-person.closed");
    }

    @Test
    void aRetryReachesTheSameCaseAndAnotherReportUnderItsIdIsRefused() {
        MissingPersonReports report = MissingPersonReports.of("Ana Lucía Pérez");
        Api.Response first = monitor.post(CASES, report.build());
        Api.Response retry = monitor.post(CASES, report.build());
        Api.Response reused = monitor.post(CASES, report.person("fullName", "Someone Else").build());

        assertThat(retry.json().get("caseId")).isEqualTo(first.json().get("caseId"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asText()).isEqualTo("missing-person.idempotency-key.reused");
    }

    @Test
    void badReportsAreRefusedWithEveryFieldAndNothingIsRecorded() {
        Api.Response refused = monitor.post(CASES, MissingPersonReports.of(" ").person("ageRange",
                Map.of("min", 30, "max", 20)).person("sex", "ALIEN").lastSeen("date", "2026-13-01")
                .lastSeenAt("country", "XX").with("sharing", "EVERYONE").build());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().findValuesAsText("field")).containsExactlyInAnyOrder("person.fullName",
                "person.ageRange.max", "person.sex", "lastSeen.date", "lastSeen.place.country", "sharing");
        assertThat(refused.body()).doesNotContain("ALIEN\"").as("no value is echoed but codes");
    }

    @Test
    void aFoundDeceasedNeedsADeathIncidentTheCallerMaySee() {
        String caseId = monitor.post(CASES, MissingPersonReports.of("Luis Mora").build()).json().get("caseId")
                .asText();
        String robbery = incident(Reports.kidnapping().with("type", "ROBBERY"));

        Api.Response notADeath = analyst.post(CASES + "/" + caseId + "/found-deceased", Map.of("incidentId", robbery));
        Api.Response unknown = analyst.post(CASES + "/" + caseId + "/found-deceased", Map.of("incidentId", "nope"));

        assertThat(notADeath.json().findValuesAsText("code")).contains("missing-person.incident.not-a-death");
        assertThat(unknown.json().findValuesAsText("code")).contains("missing-person.incident.unknown");
    }

    private static String incident(Reports report) {
        Api.Response created = monitor.post("/api/v1/incidents", report.build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("incidentId").asText();
    }

    private static void written(Api.Response response, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
    }

    private static List<String> caseIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("caseId").asText()));
        return ids;
    }
}
