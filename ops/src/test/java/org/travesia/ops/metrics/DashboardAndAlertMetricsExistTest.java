package org.travesia.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.ops.compose.ComposeFiles;
import org.travesia.ops.metrics.PromQlSelectors.Matcher;
import org.travesia.ops.metrics.PromQlSelectors.Selector;
import org.travesia.ops.system.Routes;
import org.travesia.ops.system.TravesiaSystem;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

/**
 * Every metric a Grafana panel or an alert rule uses exists in what the running services answer on
 * {@code /actuator/prometheus}, with the labels and values it is filtered by: a dashboard or a rule for a metric
 * nobody ships fails here, so whoever adds a panel also ships its metric. The services are started and put
 * through a little of everything first, since a counter appears only once counted.
 */
class DashboardAndAlertMetricsExistTest {

    /** Series Prometheus makes itself for every target, not the services. */
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

    private static TravesiaSystem system;
    private static Map<String, PrometheusScrape> scrapes;

    @BeforeAll
    static void startAndUse() {
        system = TravesiaSystem.start();
        Api monitor = system.commands().as("monitor");
        Api analyst = system.commands().as("analyst");
        String id = monitor.post("/api/v1/incidents", Reports.kidnapping().onRoute("darien", "bajo-chiquito")
                .sharedWith("NETWORK").build()).json().get("incidentId").asText();
        monitor.post("/api/v1/incidents/" + id + "/amendments", Map.of("expectedVersion", 0, "reason", "more",
                "changes", Map.of("affected", Map.of("missing", 2))));
        analyst.post("/api/v1/incidents/" + id + "/verification", Map.of("expectedVersion", 1, "note", "checked"));
        String error = monitor.post("/api/v1/incidents", Reports.kidnapping().build()).json().get("incidentId").asText();
        analyst.post("/api/v1/incidents/" + error + "/retraction", Map.of("reason", "in error"));
        assertThat(system.queries().as("analyst").get("/api/v1/incidents/" + id + "?minVersion=2").status())
                .isEqualTo(200);
        assertThat(system.queries().as("advocate").get("/api/v1/exports/incidents?format=csv").status())
                .isEqualTo(200);
        raiseARouteAlert();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                scrape(system.queries()).names().contains("travesia_processor_segment_lag_seconds")
                        && scrape(system.queries()).names().contains("travesia_incident_events_total")
                        && scrape(system.commands()).names().contains("travesia_alerts_raised_total"));
        scrapes = Map.of("command-service", scrape(system.commands()), "query-service", scrape(system.queries()));
    }

    /** A rule that one kidnapping crosses: the alerts-per-route counter appears only once an alert is raised. */
    private static void raiseARouteAlert() {
        Api analyst = system.commands().as("analyst");
        assertThat(analyst.post("/api/v1/routes", Routes.route("metrics")).status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/metrics/segments", Routes.squareSegment("s", 20.0, -99.0, 0.5))
                .status()).isEqualTo(201);
        assertThat(analyst.post("/api/v1/routes/metrics/alert-rules", Routes.threshold("k1", "KIDNAPPING", 1, 7))
                .status()).isEqualTo(201);
        system.commands().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                .withPlace("coordinates", Map.of("lat", 20.0, "lon", -99.0)).build());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyMetricOfTheDashboardsAndAlertRulesIsServedWithTheLabelsItIsFilteredBy() {
        Map<String, String> expressions = ComposeFiles.expressions();
        assertThat(expressions).as("dashboards and rules were found").hasSizeGreaterThan(20);

        List<String> missing = new ArrayList<>();
        expressions.forEach((where, expression) -> {
            for (Selector selector : PromQlSelectors.of(expression)) {
                problem(selector).ifPresent(problem -> missing.add(where + ": " + problem));
            }
        });

        assertThat(missing).as("metrics used but not served").isEmpty();
    }

    @Test
    void theCheckBitesOnAMetricOrALabelValueNobodyServes() {
        assertThat(problem(PromQlSelectors.of("travesia_incident_events_totl").get(0))).isPresent();
        assertThat(problem(PromQlSelectors.of("travesia_incident_events_total{event=\"incident.reportd\"}").get(0)))
                .isPresent();
        assertThat(problem(PromQlSelectors.of("travesia_incident_events_total{application=\"command-service\"}")
                .get(0))).as("served by query-service only").isPresent();
        assertThat(problem(PromQlSelectors.of("travesia_incident_events_total{evnt=~\"incident.*\"}").get(0)))
                .isPresent();
        assertThat(problem(PromQlSelectors.of("travesia_incident_events_total{event=\"incident.reported\"}").get(0)))
                .isEmpty();
    }

    /** Why a selector finds nothing in what the services serve, if it does not. */
    private static Optional<String> problem(Selector selector) {
        if (MADE_BY_PROMETHEUS.contains(selector.metric())) {
            return Optional.empty();
        }
        List<PrometheusScrape.Sample> samples = new ArrayList<>();
        scrapes.forEach((application, scrape) -> samples.addAll(scrape.samples(selector.metric())));
        if (samples.isEmpty()) {
            return Optional.of(selector.metric() + " is served by neither service");
        }
        for (Matcher matcher : selector.matchers()) {
            boolean matched = samples.stream().anyMatch(sample -> matches(matcher, sample.labels().get(matcher.label())));
            if (!matched) {
                return Optional.of(selector.metric() + " has no sample with " + matcher.label()
                        + matcher.operator() + "\"" + matcher.value() + "\"");
            }
        }
        return Optional.empty();
    }

    /**
     * Equality must find a served value. A regular expression or an inequality must find the label, not a matching
     * value: a rule on 5xx answers is right before the first 5xx.
     */
    private static boolean matches(Matcher matcher, String value) {
        return matcher.operator().equals("=") ? matcher.value().equals(value) : value != null;
    }

    private static PrometheusScrape scrape(Api service) {
        Api.Response response = service.as("operator").get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return PrometheusScrape.parse(response.body());
    }
}
