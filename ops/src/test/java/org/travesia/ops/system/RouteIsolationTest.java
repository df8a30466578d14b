package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Another organisation's private reports never trigger, feed or appear in an organisation's alerts, risk figures,
 * stream or CAP feed. Both organisations watch the same segment with the same rule; only org-b reports, at the
 * ORGANISATION level, three kidnappings.
 */
class RouteIsolationTest {

    private static final double LAT = 14.9;
    private static final double LON = -92.26;
    private static TestTokens tokens;
    private static TravesiaSystem system;
    private static final List<String> privateReports = new ArrayList<>();
    private static SseClient orgAStream;

    @BeforeAll
    static void start() throws Exception {
        tokens = TestTokens.generate();
        system = TravesiaSystem.start(tokens.property(), "travesia.alerts.stream.poll=100ms");
        Api analystA = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"));
        Api analystB = system.commands().bearer(tokens.token("bea", "org-b", "ANALYST"));
        assertThat(analystA.post("/api/v1/routes", Routes.route("iso")).status()).isEqualTo(201);
        assertThat(analystA.post("/api/v1/routes/iso/segments", Routes.squareSegment("border", LAT, LON, 0.3))
                .status()).isEqualTo(201);
        assertThat(analystA.post("/api/v1/routes/iso/alert-rules", Routes.threshold("k3", "KIDNAPPING", 3, 7))
                .status()).isEqualTo(201);
        assertThat(analystB.post("/api/v1/routes/iso/alert-rules", Routes.threshold("k3", "KIDNAPPING", 3, 7))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> queries("org-a").get("/api/v1/routes/iso").status() == 200);
        orgAStream = SseClient.connectWithToken(system.queries().port(), tokens.token("ana", "org-a", "ANALYST"),
                "/api/v1/alerts/stream?route=iso");

        Api monitorB = system.commands().bearer(tokens.token("mario", "org-b", "MONITOR"));
        for (int i = 0; i < 3; i++) {
            privateReports.add(monitorB.post("/api/v1/incidents", Reports.kidnapping()
                    .withPlace("coordinates", Map.of("lat", LAT, "lon", LON + 0.01 * i))
                    .sharedWith("ORGANISATION").build()).json().get("incidentId").asText());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> queries("org-b").get("/api/v1/alerts?route=iso").json()
                .get("items").size() == 1);
    }

    @AfterAll
    static void stop() {
        orgAStream.close();
        system.close();
    }

    private static Api queries(String organisation) {
        return system.queries().bearer(tokens.token("reader", organisation, "ANALYST"));
    }

    @Test
    void theReportingOrganisationsRuleFiresOnItsOwnPrivateReports() {
        JsonNode alert = queries("org-b").get("/api/v1/alerts?route=iso").json().get("items").get(0);

        List<String> contributing = new ArrayList<>();
        alert.get("incidentIds").forEach(id -> contributing.add(id.asText()));
        assertThat(contributing).containsExactlyInAnyOrderElementsOf(privateReports);
    }

    @Test
    void anotherOrganisationsPrivateReportsRaiseNothingForIt() throws Exception {
        assertThat(queries("org-a").get("/api/v1/alerts?route=iso").json().get("items")).isEmpty();
        assertThat(orgAStream.quietFor(Duration.ofSeconds(1))).as("nothing on org-a's stream").isTrue();
    }

    @Test
    void anotherOrganisationsAlertsAreNotInItsCapFeed() throws Exception {
        assertThat(CapMessages.validatedAlerts(queries("org-a").get("/api/v1/alerts/cap?route=iso").body())).isEmpty();
        assertThat(CapMessages.validatedAlerts(queries("org-b").get("/api/v1/alerts/cap?route=iso").body()))
                .hasSize(1);
    }

    @Test
    void anotherOrganisationsPrivateReportsDoNotMoveItsRiskFigures() {
        String window = "/api/v1/routes/iso/risk?from=2026-11-01&to=2026-11-30&bucket=week";
        await().atMost(Duration.ofSeconds(10)).until(() -> total(queries("org-b").get(window).json()) == 3);

        assertThat(total(queries("org-a").get(window).json())).isZero();
        assertThat(queries("org-a").get(window).json().get("segments").get(0).get("total").get("riskIndex").asDouble())
                .isZero();
    }

    @Test
    void anotherOrganisationCannotActOnTheAlert() {
        String alertId = queries("org-b").get("/api/v1/alerts?route=iso").json().get("items").get(0).get("alertId")
                .asText();
        var acknowledged = system.commands().bearer(tokens.token("ana", "org-a", "ANALYST"))
                .post("/api/v1/alerts/" + alertId + "/acknowledgement", Map.of("note", "not mine"));
        assertThat(acknowledged.status()).isEqualTo(404);
    }

    private static long total(JsonNode risk) {
        long total = 0;
        for (JsonNode segment : risk.get("segments")) {
            total += segment.get("total").get("incidents").get("total").asLong();
        }
        return total;
    }
}
