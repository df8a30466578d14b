package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

import com.mongodb.client.model.Filters;

/** Monitors retry over bad connections: a retry must never duplicate a report. */
class ReportRetryTest {

    private static TravesiaSystem system;
    private static Api monitor;

    @BeforeAll
    static void start() {
        system = TravesiaSystem.start();
        monitor = system.commands().as("monitor");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theSameReportTwiceAnswersTheSameIncidentAndRecordsOneEvent() {
        Map<String, Object> report = Reports.kidnapping().build();

        Api.Response first = monitor.post("/api/v1/incidents", report);
        Api.Response retry = monitor.post("/api/v1/incidents", report);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("incidentId").asText()).isEqualTo(first.json().get("incidentId").asText());
        assertThat(retry.json().get("version").asLong()).isZero();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf(first.json().get("incidentId").asText())).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyHeaderWorksLikeAClientReportId() {
        Map<String, Object> report = Reports.kidnapping().without("clientReportId").build();
        Api keyed = monitor.header("Idempotency-Key", "device-7/report-42");

        String first = keyed.post("/api/v1/incidents", report).json().get("incidentId").asText();
        String again = keyed.post("/api/v1/incidents", report).json().get("incidentId").asText();
        String unkeyed = monitor.post("/api/v1/incidents", report).json().get("incidentId").asText();

        assertThat(again).isEqualTo(first);
        assertThat(unkeyed).as("without a key, each post is a new report").isNotEqualTo(first);
    }

    @Test
    void theSameKeyWithADifferentReportIsAConflict() {
        Reports original = Reports.kidnapping();
        monitor.post("/api/v1/incidents", original.build());

        Api.Response different = monitor.post("/api/v1/incidents", original.with("type", "EXTORTION").build());

        assertThat(different.status()).isEqualTo(409);
        assertThat(different.json().get("code").asText()).isEqualTo("incident.idempotency-key.reused");
    }

    @Test
    void aReEncodedButEqualReportIsRecognisedAsTheSame() {
        String reportId = java.util.UUID.randomUUID().toString();
        String compact = "{\"clientReportId\":\"" + reportId + "\",\"type\":\"ROBBERY\",\"occurredAt\":\"2026-11-01\","
                + "\"place\":{\"country\":\"MX\"}}";
        String reordered = "{ \"place\": { \"country\": \"MX\" },\n \"occurredAt\": \"2026-11-01\", \"type\": \"ROBBERY\","
                + " \"clientReportId\": \"" + reportId + "\" }";

        Api.Response first = monitor.post("/api/v1/incidents", compact);
        Api.Response second = monitor.post("/api/v1/incidents", reordered);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("incidentId")).isEqualTo(first.json().get("incidentId"));
    }

    @Test
    void eightSimultaneousRetriesMakeOneIncident() throws Exception {
        Map<String, Object> report = Reports.kidnapping().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(pool.submit(() -> monitor.post("/api/v1/incidents", report)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<Api.Response> response : sent) {
            Api.Response r = response.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            ids.add(r.json().get("incidentId").asText());
        }
        pool.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(eventsOf(ids.get(0))).isEqualTo(1);
    }

    /** How many commits hold events of this incident. */
    private static long eventsOf(String incidentId) {
        return system.mongo().database().getCollection("events")
                .countDocuments(Filters.eq("aggregateKeys", incidentId + "#0"))
                + system.mongo().database().getCollection("events")
                .countDocuments(Filters.eq("aggregateKeys", incidentId + "#1"));
    }
}
