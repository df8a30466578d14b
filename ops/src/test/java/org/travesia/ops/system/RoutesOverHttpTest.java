package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Routes as a local system has them: the seed loaded at start (as {@code ./ops/run} asks), loaded again harmlessly,
 * incidents assigned into it by their coordinates, an analyst's override, bad areas refused, and an idle stream kept
 * alive by heartbeats.
 */
class RoutesOverHttpTest {

    private static final List<String> SEEDED = List.of("caribbean-sea", "central-america-mexico", "darien",
            "mexico-rail", "us-mexico-border");
    private static TravesiaSystem system;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start("travesia.routes.seed-on-start=true", "travesia.alerts.stream.heartbeat=300ms");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theSeedIsLoadedAtStartEveryAreaMarkedAsAnApproximation() {
        await().atMost(Duration.ofSeconds(20)).until(() -> routeIds().containsAll(SEEDED));
        JsonNode darien = system.queries().as("monitor").get("/api/v1/routes/darien").json();

        assertThat(darien.get("name").get("es").asText()).isEqualTo("Tapón del Darién");
        assertThat(darien.get("segments")).allSatisfy(segment -> {
            assertThat(segment.get("approximation").asBoolean()).isTrue();
            assertThat(segment.get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
        });
    }

    @Test
    void loadingTheSeedAgainChangesNothing() {
        await().atMost(Duration.ofSeconds(20)).until(() -> routeIds().containsAll(SEEDED));
        JsonNode loaded = system.commands().as("admin").post("/api/v1/routes/seed", "").json();

        assertThat(loaded.get("routesDefined").asInt()).isZero();
        assertThat(loaded.get("segmentsAdded").asInt()).isZero();
        assertThat(system.commands().as("analyst").post("/api/v1/routes/seed", "").status()).isEqualTo(403);
    }

    @Test
    void aReportAtBajoChiquitoWithoutRouteIsAssignedToTheDarienJungleSegment() {
        String id = system.commands().as("monitor").post("/api/v1/incidents", Reports.kidnapping().build()).json()
                .get("incidentId").asText();

        JsonNode incident = system.queries().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=1").json();
        assertThat(incident.get("routeAssignment").get("routeId").asText()).isEqualTo("darien");
        assertThat(incident.get("routeAssignment").get("segmentId").asText()).isEqualTo("darien-jungle");
        assertThat(incident.get("routeAssignment").get("method").asText()).isEqualTo("POINT_IN_POLYGON");
        JsonNode found = system.queries().as("monitor").get("/api/v1/incidents?route=darien&segment=darien-jungle")
                .json();
        List<String> ids = new ArrayList<>();
        found.get("items").forEach(item -> ids.add(item.get("incidentId").asText()));
        assertThat(ids).contains(id);
    }

    @Test
    void anAnalystOverridesTheAssignmentWithAReason() {
        String id = system.commands().as("monitor").post("/api/v1/incidents", Reports.kidnapping().build()).json()
                .get("incidentId").asText();
        system.queries().as("analyst").get("/api/v1/incidents/" + id + "?minVersion=1");
        await().atMost(Duration.ofSeconds(20)).until(() -> system.commands().as("analyst").post(
                "/api/v1/incidents/" + id + "/route", Map.of("routeId", "darien", "segmentId", "uraba",
                        "reason", "coordinates are those of the shelter")).status() == 200);

        JsonNode incident = system.queries().as("analyst").get("/api/v1/incidents/" + id + "?minVersion=2").json();
        assertThat(incident.get("routeAssignment").get("segmentId").asText()).isEqualTo("uraba");
        assertThat(incident.get("routeAssignment").get("method").asText()).isEqualTo("ANALYST");
        var refused = system.commands().as("analyst").post("/api/v1/incidents/" + id + "/route",
                Map.of("routeId", "darien", "segmentId", "nowhere", "reason", "x"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("route.segment.unknown");
    }

    @Test
    void aSelfIntersectingAreaIsRefusedWithAStableCodeAndNothingIsStored() {
        Api analyst = system.commands().as("analyst");
        analyst.post("/api/v1/routes", Routes.route("bowtie"));
        Map<String, Object> bowtie = Map.of("segmentId", "knot", "name", Map.of("en", "Knot", "es", "Nudo"),
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(0, 0), List.of(10, 10),
                        List.of(10, 0), List.of(0, 10), List.of(0, 0)))));

        var refused = analyst.header("Accept-Language", "es").post("/api/v1/routes/bowtie/segments", bowtie);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("code").asText()).isEqualTo("geometry.invalid");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).startsWith("El área");
        await().atMost(Duration.ofSeconds(10)).until(() -> system.queries().as("analyst")
                .get("/api/v1/routes/bowtie").status() == 200);
        assertThat(system.queries().as("analyst").get("/api/v1/routes/bowtie").json().get("segments")).isEmpty();
    }

    @Test
    void redrawingASegmentReassignsTheIncidentsDerivedIntoIt() {
        Api analyst = system.commands().as("analyst");
        analyst.post("/api/v1/routes", Routes.route("moving"));
        analyst.post("/api/v1/routes/moving/segments", Routes.squareSegment("first", -30.0, 150.0, 0.5));
        analyst.post("/api/v1/routes/moving/segments", Routes.squareSegment("second", -40.0, 150.0, 0.5));
        String id = system.commands().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                .withPlace("country", "AU").withPlace("coordinates", Map.of("lat", -30.0, "lon", 150.0)).build())
                .json().get("incidentId").asText();
        JsonNode before = system.queries().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=1").json();
        assertThat(before.get("routeAssignment").get("segmentId").asText()).isEqualTo("first");

        Map<String, Object> moved = new HashMap<>(Routes.squareSegment("first", -35.0, 150.0, 0.5));
        moved.remove("segmentId");
        moved.remove("name");
        moved.put("reason", "the crossing moved south");
        assertThat(analyst.post("/api/v1/routes/moving/segments/first/redrawing", moved).status()).isEqualTo(200);
        JsonNode outside = system.queries().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=2").json();
        assertThat(outside.get("routeAssignment").isNull()).as("in no segment any more").isTrue();

        Map<String, Object> widened = new HashMap<>(Routes.squareSegment("second", -35.0, 150.0, 5.5));
        widened.remove("segmentId");
        widened.remove("name");
        widened.put("reason", "one segment for the whole corridor");
        analyst.post("/api/v1/routes/moving/segments/first/retirement", Map.of("reason", "merged into second"));
        assertThat(analyst.post("/api/v1/routes/moving/segments/second/redrawing", widened).status()).isEqualTo(200);
        JsonNode after = system.queries().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=3").json();
        assertThat(after.get("routeAssignment").get("segmentId").asText()).isEqualTo("second");
        assertThat(after.get("routeAssignment").get("method").asText()).isEqualTo("POINT_IN_POLYGON");
    }

    @Test
    void anIdleStreamGetsHeartbeatComments() throws Exception {
        try (SseClient stream = SseClient.connect(system.queries().port(), "analyst", "/api/v1/alerts/stream", null)) {
            assertThat(stream.nextComment(Duration.ofSeconds(5))).isEqualTo("heartbeat");
        }
    }

    @Test
    void onlyAnalystsAndAdminsReadAlerts() {
        assertThat(system.queries().as("monitor").get("/api/v1/alerts").status()).isEqualTo(403);
        assertThat(system.queries().as("advocate").get("/api/v1/alerts/cap").status()).isEqualTo(403);
    }

    private static List<String> routeIds() {
        List<String> ids = new ArrayList<>();
        system.queries().as("monitor").get("/api/v1/routes").json().get("items")
                .forEach(route -> ids.add(route.get("routeId").asText()));
        return ids;
    }
}
