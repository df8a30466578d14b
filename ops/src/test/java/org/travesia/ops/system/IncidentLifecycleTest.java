package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An incident's life over HTTP, as the issue describes it: report, amend, verify, mark a second report as a
 * duplicate, retract a third; then search, history, the as-of state and the counts.
 */
class IncidentLifecycleTest {

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
    void reportAmendVerifyDuplicateRetractThenSearchHistoryAsOfAndCounts() {
        String route = "darien-lifecycle";
        String a = report(Reports.kidnapping().onRoute(route, "bajo-chiquito")
                .affected(Map.of("dead", 1, "missing", 2, "injured", 0)).with("occurredAt", "2026-11-18"));
        String b = report(Reports.kidnapping().onRoute(route, "bajo-chiquito").affected(Map.of("dead", 1)));
        String c = report(Reports.kidnapping().onRoute(route, "canaan-membrillo").affected(Map.of("missing", 5)));
        awaitVersion(a, 0);
        Instant beforeAmendment = Instant.now();

        Api.Response amended = monitor.post("/api/v1/incidents/" + a + "/amendments", Map.of("expectedVersion", 0,
                "reason", "family confirmed a third person missing", "changes", Map.of("affected", Map.of("missing", 3))));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.json().get("version").asLong()).isEqualTo(1);

        Api.Response stale = monitor.post("/api/v1/incidents/" + a + "/amendments", Map.of("expectedVersion", 0,
                "reason", "late", "changes", Map.of("description", "x")));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("incident.version-conflict");

        assertWritten(analyst.post("/api/v1/incidents/" + a + "/verification",
                Map.of("expectedVersion", 1, "note", "matches the shelter's intake")), 2);
        assertWritten(analyst.post("/api/v1/incidents/" + b + "/duplicate-of",
                Map.of("incidentId", a, "reason", "same group, two monitors")), 1);
        assertWritten(analyst.post("/api/v1/incidents/" + c + "/retraction", Map.of("reason", "reported in error")), 1);
        assertThat(monitor.post("/api/v1/incidents/" + c + "/amendments", Map.of("expectedVersion", 1,
                "reason", "x", "changes", Map.of("description", "y"))).status()).isEqualTo(409);

        JsonNode incidentA = awaitVersion(a, 2);
        assertThat(incidentA.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(incidentA.get("affected").get("missing").asInt()).isEqualTo(3);
        assertThat(incidentA.get("affected").get("survivors").isNull()).as("unknown stays unknown").isTrue();
        assertThat(incidentA.get("affected").get("injured").asInt()).as("zero stays zero").isZero();
        JsonNode incidentB = awaitVersion(b, 1);
        assertThat(incidentB.get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(incidentB.get("duplicateOf").asText()).isEqualTo(a);
        assertThat(awaitVersion(c, 1).get("status").asText()).isEqualTo("RETRACTED");

        JsonNode search = reader.get("/api/v1/incidents?route=" + route).json();
        assertThat(ids(search)).containsExactlyInAnyOrder(a, b, c);
        assertThat(ids(reader.get("/api/v1/incidents?route=" + route + "&status=VERIFIED").json())).containsExactly(a);
        assertThat(ids(reader.get("/api/v1/incidents?route=" + route + "&segment=canaan-membrillo").json()))
                .containsExactly(c);
        assertThat(ids(reader.get("/api/v1/incidents?route=" + route + "&from=2026-11-19").json()))
                .containsExactlyInAnyOrder(b, c);

        JsonNode history = reader.get("/api/v1/incidents/" + a + "/history").json().get("items");
        assertThat(history).extracting(e -> e.get("event").asText())
                .containsExactly("IncidentReported", "IncidentAmended", "IncidentVerified");
        JsonNode amendment = history.get(1);
        assertThat(amendment.get("reason").asText()).isEqualTo("family confirmed a third person missing");
        assertThat(amendment.get("actor").get("user").asText()).isEqualTo("monitor");
        assertThat(amendment.get("changes").get("affected").get("from").get("missing").asInt()).isEqualTo(2);
        assertThat(amendment.get("changes").get("affected").get("to").get("missing").asInt()).isEqualTo(3);
        assertThat(history.get(2).get("changes").get("status").get("to").asText()).isEqualTo("VERIFIED");
        assertThat(history).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L);

        JsonNode asReported = reader.get("/api/v1/incidents/" + a + "?asOf=" + beforeAmendment).json();
        assertThat(asReported.get("version").asLong()).isZero();
        assertThat(asReported.get("affected").get("missing").asInt()).isEqualTo(2);
        assertThat(asReported.get("status").asText()).isEqualTo("REPORTED");
        assertThat(reader.get("/api/v1/incidents/" + a + "?asOf=2020-01-01T00:00:00Z").status()).isEqualTo(404);

        JsonNode counts = reader.get("/api/v1/incidents/counts?route=" + route).json();
        assertThat(counts.get("incidents").asLong()).as("duplicate and retracted are out").isEqualTo(1);
        assertThat(counts.get("affected").get("dead").asLong()).isEqualTo(1);
        assertThat(counts.get("affected").get("missing").asLong()).isEqualTo(3);
        assertThat(counts.get("unknown").get("survivors").asLong()).isEqualTo(1);
    }

    @Test
    void injectionLikeInputIsStoredLiterallyAndNeverInterpreted() {
        String id = report(Reports.kidnapping().with("description", "{\"$gt\": \"\"}")
                .withPlace("locality", "{\"$ne\": null}").onRoute("injection-route", null));
        JsonNode incident = awaitVersion(id, 0);
        assertThat(incident.get("description").asText()).isEqualTo("{\"$gt\": \"\"}");
        assertThat(incident.get("place").get("locality").asText()).isEqualTo("{\"$ne\": null}");

        Api.Response probe = reader.get("/api/v1/incidents?country=%7B%22%24gt%22%3A%22%22%7D");
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.json().get("items")).as("a filter value is a value, not an operator").isEmpty();
        assertThat(reader.get("/api/v1/incidents?route=%7B%22%24ne%22%3Anull%7D").json().get("items")).isEmpty();
    }

    @Test
    void pagesStayStableWhileNewReportsArrive() {
        String route = "paging-route";
        Set<String> existing = new HashSet<>();
        for (int day = 1; day <= 7; day++) {
            existing.add(report(Reports.kidnapping().onRoute(route, null).with("occurredAt", "2026-10-0" + day)));
        }
        existing.forEach(id -> awaitVersion(id, 0));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = reader.get("/api/v1/incidents?route=" + route + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> seen.add(item.get("incidentId").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            if (pages++ == 0) {
                String newest = report(Reports.kidnapping().onRoute(route, null).with("occurredAt", "2026-10-31"));
                String oldest = report(Reports.kidnapping().onRoute(route, null).with("occurredAt", "2026-09-01"));
                awaitVersion(newest, 0);
                awaitVersion(oldest, 0);
            }
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(existing);
        assertThat(reader.get("/api/v1/incidents?route=" + route + "&limit=0").status()).isEqualTo(400);
        assertThat(reader.get("/api/v1/incidents?route=" + route + "&cursor=not-a-cursor!").status()).isEqualTo(400);
    }

    @Test
    void badSearchParametersAreRefusedEachWithItsName() {
        Api.Response response = reader.get("/api/v1/incidents?minQuality=abc");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("minQuality");

        JsonNode errors = reader.get("/api/v1/incidents?type=ALIENS&status=LOST&bbox=1,2,3&from=2026-13-01&sort=size")
                .json().get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("type", "status", "bbox", "from", "sort");
        assertThat(reader.get("/api/v1/incidents?from=2026-11-20&to=2026-11-01").status()).isEqualTo(400);
    }

    private static String report(Reports report) {
        Api.Response created = monitor.post("/api/v1/incidents", report.sharedWith("NETWORK").build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("incidentId").asText();
    }

    private static JsonNode awaitVersion(String id, long version) {
        Api.Response read = reader.get("/api/v1/incidents/" + id + "?minVersion=" + version);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    private static void assertWritten(Api.Response response, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("incidentId").asText()));
        return ids;
    }
}
