package org.travesia.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.command.CommandServiceApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.ops.EmbeddedStore;
import org.travesia.ops.system.SseClient;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the route features cost on the embedded store (the durable H2 one {@code ./ops/run} starts), printed, not
 * asserted beyond sanity: not part of the suite (tag {@code bench}). Run with
 * {@code ./mvnw -B -o verify -pl ops -am -Dtest=RouteBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dexcluded.test.tags=crash}.
 */
@Tag("bench")
class RouteBenchmark {

    @TempDir
    Path data;

    /**
     * The risk view, one year by week, at 100,000 incidents on one route of five segments, over HTTP. The buckets are
     * filled by the real projection from 100,000 appended reports on the in-memory embedded store (on the durable one
     * each projected write waits for the disk, and filling takes hours: see the README), then copied as they are to
     * the durable embedded store ({@code ./ops/run}'s), where a second query-service reads them.
     */
    @Test
    void riskViewAtOneHundredThousandIncidents() throws Exception {
        int incidents = Integer.getInteger("bench.incidents", 100_000);
        LocalDate end = IncidentSeed.END;
        String path = "/api/v1/routes/bench/risk?from=" + end.minusYears(1).plusDays(1) + "&to=" + end + "&bucket=week";
        try (EmbeddedMongo memory = EmbeddedMongo.inMemory();
             RunningService filler = RunningService.start(QueryServiceApplication.builder(), memory.uri())) {
            long started = System.nanoTime();
            IncidentSeed.fill(filler.bean(EventStore.class), incidents);
            System.out.printf("[bench] appended %d incidents in %d s%n", incidents,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            started = System.nanoTime();
            try (var client = MongoClients.create(memory.uri())) {
                var projected = client.getDatabase("travesia").getCollection("risk_incidents");
                await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(5))
                        .until(() -> projected.countDocuments() >= incidents);
            }
            System.out.printf("[bench] %d incidents projected %d s after the last append%n", incidents,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            System.out.printf("[bench] risk view, in-memory store: %s%n", timedReads(filler.api().as("analyst"), path));

            try (EmbeddedStore durable = EmbeddedStore.start(data, "127.0.0.1", 0)) {
                try (var from = MongoClients.create(memory.uri()); var to = MongoClients.create(durable.uri("travesia"))) {
                    for (String collection : List.of("routes", "risk_route_segments", "risk_layout",
                            "risk_buckets_days", "risk_buckets_weeks", "risk_buckets_months")) {
                        List<org.bson.Document> documents = from.getDatabase("travesia").getCollection(collection)
                                .find().into(new ArrayList<>());
                        to.getDatabase("travesia").getCollection(collection).insertMany(documents);
                    }
                }
                try (RunningService reader = RunningService.start(QueryServiceApplication.builder(),
                        durable.uri("travesia"))) {
                    System.out.printf("[bench] risk view, one year by week, %d incidents, durable embedded store: %s%n",
                            incidents, timedReads(reader.api().as("analyst"), path));
                }
            }
        }
    }

    private static String timedReads(Api analyst, String path) {
        assertThat(analyst.get(path).json().get("segments")).as("a view with figures to time").isNotEmpty();
        for (int i = 0; i < 50; i++) {
            assertThat(analyst.get(path).status()).isEqualTo(200);
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < 300; i++) {
            assertThat(latencies.time(() -> analyst.get(path)).status()).isEqualTo(200);
        }
        return latencies.toString();
    }

    /** From the third report's 201 to the alert on the stream, both services on the embedded store. */
    @Test
    void timeFromTheThirdReportToTheStreamedAlert() throws Exception {
        int runs = Integer.getInteger("bench.runs", 40);
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             RunningService command = RunningService.start(CommandServiceApplication.builder(), store.uri("travesia"));
             RunningService query = RunningService.start(QueryServiceApplication.builder(), store.uri("travesia"),
                     "travesia.alerts.stream.poll=500ms")) {
            Api analyst = command.api().as("analyst");
            analyst.post("/api/v1/routes", Map.of("routeId", "latency", "name", Map.of("en", "L", "es", "L"),
                    "countries", List.of("PA")));
            analyst.post("/api/v1/routes/latency/alert-rules", Map.of("ruleId", "k3", "kind", "THRESHOLD",
                    "incidentTypes", List.of("KIDNAPPING"), "minCount", 3, "windowDays", 7));
            Latencies latencies = new Latencies();
            for (int run = 0; run < runs; run++) {
                double lat = -40 + run;
                double lon = 10;
                String segment = "run-" + run;
                assertThat(analyst.post("/api/v1/routes/latency/segments", Map.of("segmentId", segment,
                        "name", Map.of("en", segment, "es", segment), "geometry", Map.of("type", "Polygon",
                                "coordinates", List.of(List.of(List.of(lon - 0.1, lat - 0.1), List.of(lon + 0.1, lat - 0.1),
                                        List.of(lon + 0.1, lat + 0.1), List.of(lon - 0.1, lat + 0.1),
                                        List.of(lon - 0.1, lat - 0.1)))))).status()).isEqualTo(201);
                MeterRegistry meters = query.bean(MeterRegistry.class);
                try (SseClient stream = SseClient.connect(query.api().port(), "analyst",
                        "/api/v1/alerts/stream?route=latency", null)) {
                    await().atMost(Duration.ofSeconds(10)).until(() ->
                            meters.get("travesia.alerts.stream.clients").gauge().value() >= 1);
                    for (int i = 0; i < 3; i++) {
                        var answer = command.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping()
                                .withPlace("coordinates", Map.of("lat", lat, "lon", lon)).build());
                        assertThat(answer.status()).isEqualTo(201);
                    }
                    long thirdAnswered = System.nanoTime();
                    assertThat(stream.next(Duration.ofSeconds(30)).name()).isEqualTo("route.alert-raised");
                    latencies.add(System.nanoTime() - thirdAnswered);
                }
            }
            System.out.printf("[bench] third report's 201 to the SSE event, %d runs: %s%n", runs, latencies);
        }
    }
}
