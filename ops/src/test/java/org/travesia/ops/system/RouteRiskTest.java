package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.MissingPersonReports;
import org.travesia.platform.testing.Reports;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The route risk view follows the incidents as they change (an amendment moves a count, a retraction or a duplicate
 * mark removes it), counts the missing-person cases opened where the person was last seen, and a replay of every route
 * processor from the first event gives identical figures, no new alert and no new assignment.
 */
class RouteRiskTest {

    private static final double LAT = 18.0;
    private static final double LON = -94.5;
    private static final String WINDOW = "/api/v1/routes/risk/risk?from=2026-11-01&to=2026-11-30&bucket=week";
    private static TravesiaSystem system;
    private static String derivedKidnapping;
    private static JsonNode risk;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
        Api analyst = system.commands().as("analyst");
        Api monitor = system.commands().as("monitor");
        analyst.post("/api/v1/routes", Routes.route("risk"));
        analyst.post("/api/v1/routes/risk/segments", Routes.squareSegment("a", LAT, LON, 0.5));
        analyst.post("/api/v1/routes/risk/segments", Routes.squareSegment("b", LAT + 2, LON, 0.5));
        analyst.post("/api/v1/routes/risk/alert-rules", Routes.threshold("k2", "KIDNAPPING", 2, 7));

        derivedKidnapping = id(monitor.post("/api/v1/incidents", Reports.kidnapping().with("occurredAt", "2026-11-18")
                .withPlace("coordinates", Map.of("lat", LAT, "lon", LON)).affected(Map.of("dead", 1))
                .sharedWith("NETWORK").build()));
        String namedKidnapping = id(monitor.post("/api/v1/incidents", Reports.kidnapping()
                .with("occurredAt", "2026-11-19").withPlace("coordinates", null).onRoute("risk", "a")
                .affected(Map.of("dead", 2, "missing", 1)).sharedWith("NETWORK").build()));
        String robbery = id(monitor.post("/api/v1/incidents", Reports.kidnapping().with("type", "ROBBERY")
                .with("occurredAt", "2026-11-10").onRoute("risk", "b").sharedWith("NETWORK").build()));
        String duplicate = id(monitor.post("/api/v1/incidents", Reports.kidnapping().with("type", "DEATH")
                .with("occurredAt", "2026-11-19").onRoute("risk", "a").sharedWith("NETWORK").build()));
        assertThat(monitor.post("/api/v1/missing-persons", MissingPersonReports.of("Persona Desaparecida")
                .lastSeen("date", "2026-11-17").lastSeen("routeId", "risk").lastSeen("segmentId", "a")
                .sharedWith("NETWORK").build()).status()).isEqualTo(201);
        String accident = id(monitor.post("/api/v1/incidents", Reports.kidnapping().with("type", "ACCIDENT")
                .with("occurredAt", "2026-11-03").onRoute("risk", "a").sharedWith("NETWORK").build()));

        assertThat(analyst.post("/api/v1/incidents/" + robbery + "/retraction", Map.of("reason", "error")).status())
                .isEqualTo(200);
        assertThat(analyst.post("/api/v1/incidents/" + duplicate + "/duplicate-of",
                Map.of("incidentId", namedKidnapping, "reason", "same event")).status()).isEqualTo(200);
        assertThat(analyst.post("/api/v1/incidents/" + accident + "/amendments", Map.of("expectedVersion", 0,
                "reason", "it was a death, a week later", "changes", Map.of("type", "DEATH",
                        "occurredAt", "2026-11-12"))).status()).isEqualTo(200);
        assertThat(analyst.post("/api/v1/incidents/" + namedKidnapping + "/verification", Map.of("note", "ok"))
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode a = segment(system.queries().as("analyst").get(WINDOW).json(), "a");
            return a.get("total").get("incidents").get("total").asLong() == 3
                    && a.get("total").get("incidents").get("verified").path("KIDNAPPING").asLong() == 1
                    && a.get("total").get("incidents").get("unverified").path("DEATH").asLong() == 1
                    && a.get("total").get("missingPersonCasesOpened").asLong() == 1;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> system.queries().as("analyst")
                .get("/api/v1/alerts?route=risk").json().get("items").size() == 1);
        risk = system.queries().as("analyst").get(WINDOW).json();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void eachWeekCountsItsIncidentsByTypeVerifiedApart() {
        JsonNode a = segment(risk, "a");

        assertThat(risk.get("from").asText()).isEqualTo("2026-10-26");
        assertThat(risk.get("to").asText()).isEqualTo("2026-12-06");
        assertThat(a.get("buckets")).hasSize(6);
        JsonNode week17 = bucket(a, "2026-11-16");
        assertThat(week17.get("incidents").get("verified").get("KIDNAPPING").asLong()).isEqualTo(1);
        assertThat(week17.get("incidents").get("unverified").get("KIDNAPPING").asLong()).isEqualTo(1);
        assertThat(week17.get("people").get("dead").asLong()).isEqualTo(3);
        assertThat(week17.get("people").get("missing").asLong()).isEqualTo(1);
        assertThat(week17.get("people").get("unknownIn").get("missing").asLong()).as("one left missing unknown")
                .isEqualTo(1);
        assertThat(week17.get("people").get("unknownIn").get("injured").asLong()).isEqualTo(2);
        assertThat(week17.get("riskIndex").asDouble()).isPositive();
        assertThat(week17.get("missingPersonCasesOpened").asLong()).isEqualTo(1);
    }

    @Test
    void anAmendmentMovesItsCountToTheNewWeekAndType() {
        JsonNode a = segment(risk, "a");

        assertThat(bucket(a, "2026-11-02").get("incidents").get("total").asLong()).isZero();
        assertThat(bucket(a, "2026-11-09").get("incidents").get("unverified").get("DEATH").asLong()).isEqualTo(1);
    }

    @Test
    void retractedReportsAndDuplicatesAreLeftOut() {
        assertThat(segment(risk, "b").get("total").get("incidents").get("total").asLong()).isZero();
        assertThat(bucket(segment(risk, "a"), "2026-11-16").get("incidents").get("unverified").has("DEATH")).isFalse();
    }

    @Test
    void theTrendComparesWithTheWindowBefore() {
        JsonNode trend = segment(risk, "a").get("trend");

        assertThat(trend.get("previousIncidents").asLong()).isZero();
        assertThat(trend.get("direction").asText()).isEqualTo("RISING");
    }

    @Test
    void aReplayFromTheFirstEventGivesTheSameFiguresNoNewAlertAndNoNewAssignment() {
        MeterRegistry commandMeters = system.commandService().bean(MeterRegistry.class);
        double raisedBefore = commandMeters.counter("travesia.alerts.raised", "route", "risk").count();
        long assignedVersion = system.queries().as("analyst").get("/api/v1/incidents/" + derivedKidnapping).json()
                .get("version").asLong();

        Replays.replay(system.commandService(), "route-assignment");
        Replays.replay(system.commandService(), "route-alerts");
        Replays.replay(system.queryService(), "route-risk");
        Replays.replay(system.queryService(), "alerts");

        assertThat(system.queries().as("analyst").get(WINDOW).json()).isEqualTo(risk);
        assertThat(commandMeters.counter("travesia.alerts.raised", "route", "risk").count()).isEqualTo(raisedBefore);
        assertThat(system.queries().as("analyst").get("/api/v1/alerts?route=risk").json().get("items")).hasSize(1);
        assertThat(system.queries().as("analyst").get("/api/v1/incidents/" + derivedKidnapping).json()
                .get("version").asLong()).isEqualTo(assignedVersion);
    }

    private static String id(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("incidentId").asText();
    }

    private static JsonNode segment(JsonNode risk, String segmentId) {
        for (JsonNode segment : risk.get("segments")) {
            if (segmentId.equals(segment.get("segmentId").asText())) {
                return segment;
            }
        }
        throw new AssertionError("No segment " + segmentId + " in " + risk);
    }

    private static JsonNode bucket(JsonNode segment, String from) {
        for (JsonNode bucket : segment.get("buckets")) {
            if (from.equals(bucket.get("from").asText())) {
                return bucket;
            }
        }
        throw new AssertionError("No bucket from " + from);
    }
}
