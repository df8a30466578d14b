package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.ops.metrics.PrometheusScrape;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

/**
 * What the services count for operators and programme staff: incident events by event, type and route, exports by
 * audience and format, and each processor segment's lag; counted once, not again on a replay, and tagged with codes
 * only, never an id, a name or a description.
 */
class BusinessMetricsTest {

    private static final String SECRET = "Julio-Cesar-Mendez-" + UUID.randomUUID();
    private static TravesiaSystem system;
    private static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
        Api monitor = system.commands().as("monitor");
        for (int i = 0; i < 3; i++) {
            ids.add(monitor.post("/api/v1/incidents", Reports.kidnapping().onRoute("darien", "bajo-chiquito")
                    .with("description", SECRET).sharedWith("PUBLIC").consentingTo("ADVOCACY_AGGREGATED").build())
                    .json().get("incidentId").asText());
        }
        ids.add(monitor.post("/api/v1/incidents", Reports.kidnapping().with("type", "ROBBERY").build()).json()
                .get("incidentId").asText());
        monitor.post("/api/v1/incidents/" + ids.get(0) + "/amendments", Map.of("expectedVersion", 0,
                "reason", SECRET, "changes", Map.of("description", SECRET + " again")));
        system.commands().as("analyst").post("/api/v1/incidents/" + ids.get(1) + "/verification",
                Map.of("expectedVersion", 0, "note", SECRET));
        system.commands().as("analyst").post("/api/v1/incidents/" + ids.get(2) + "/retraction",
                Map.of("reason", SECRET));
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsApplied() == 7);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void incidentEventsAreCountedByEventTypeAndRoute() {
        PrometheusScrape scrape = scrape();

        assertThat(count(scrape, "incident.reported", "KIDNAPPING", "darien")).isEqualTo(3);
        assertThat(count(scrape, "incident.reported", "ROBBERY", "none")).isEqualTo(1);
        assertThat(count(scrape, "incident.amended", "KIDNAPPING", "darien")).isEqualTo(1);
        assertThat(count(scrape, "incident.verified", "KIDNAPPING", "darien")).isEqualTo(1);
        assertThat(count(scrape, "incident.retracted", "KIDNAPPING", "darien")).isEqualTo(1);
    }

    @Test
    void exportsAreCountedByAudienceAndFormatWithTheirRows() {
        Api advocate = system.queries().as("advocate");
        assertThat(advocate.get("/api/v1/exports/incidents?format=csv&audience=public").status()).isEqualTo(200);
        assertThat(advocate.get("/api/v1/exports/incidents?format=csv&audience=public").status()).isEqualTo(200);
        assertThat(system.queries().as("analyst").get("/api/v1/exports/incidents?format=geojson&audience=internal")
                .status()).isEqualTo(200);

        PrometheusScrape scrape = scrape();

        assertThat(scrape.value("travesia_exports_total", Map.of("audience", "public", "format", "csv")))
                .hasValue(2);
        assertThat(scrape.value("travesia_export_rows_total", Map.of("audience", "public", "format", "csv")))
                .as("two public incidents (the third was retracted), twice").hasValue(4);
        assertThat(scrape.value("travesia_exports_total", Map.of("audience", "internal", "format", "geojson")))
                .hasValue(1);
    }

    @Test
    void eachHeldSegmentReportsItsLagInEventsAndSeconds() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            for (String segment : List.of("0", "1", "2", "3")) {
                Map<String, String> labels = Map.of("processor", "incidents", "segment", segment);
                assertThat(scrape.value("travesia_processor_segment_lag_events", labels)).hasValue(0);
                assertThat(scrape.value("travesia_processor_segment_lag_seconds", labels)).hasValue(0);
            }
        });
    }

    @Test
    void aReplayAppliesEveryEventAgainWithoutCountingThemAgain() {
        double before = eventsApplied();
        assertThat(system.queries().as("operator").post("/api/v1/admin/processors/incidents/replay", "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(BusinessMetricsTest::assertReplayFinished);

        assertThat(eventsApplied()).isEqualTo(before);
    }

    @Test
    void noTagCarriesAnIdANameOrADescription() {
        String text = scrape().text();

        assertThat(text).doesNotContain(SECRET);
        ids.forEach(id -> assertThat(text).doesNotContain(id));
        assertThat(text).doesNotContain("bajo-chiquito").doesNotContain("\"monitor\"").doesNotContain("\"local\"");
    }

    /** Every incident back at its version, and no segment replaying any more. */
    private static void assertReplayFinished() {
        Api analyst = system.queries().as("analyst");
        long[] versions = {1, 1, 1, 0};
        for (int i = 0; i < ids.size(); i++) {
            Api.Response incident = analyst.get("/api/v1/incidents/" + ids.get(i));
            assertThat(incident.status()).isEqualTo(200);
            assertThat(incident.json().get("version").asLong()).isEqualTo(versions[i]);
        }
        assertThat(system.queries().as("operator").get("/actuator/eventprocessors").body())
                .doesNotContain("\"replaying\":true");
    }

    private static double count(PrometheusScrape scrape, String event, String type, String route) {
        return scrape.value("travesia_incident_events_total", Map.of("event", event, "type", type, "route", route))
                .orElse(0);
    }

    private static double eventsApplied() {
        return scrape().samples("travesia_incident_events_total").stream()
                .mapToDouble(PrometheusScrape.Sample::value).sum();
    }

    private static PrometheusScrape scrape() {
        Api.Response response = system.queries().as("operator").get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }
}
