package org.travesia.command.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.travesia.command.CommandServiceApplication;
import org.travesia.eventstore.testing.EmbeddedMongo;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Refusing a body costs little however hostile it is: a list over its limit is refused without looking at its
 * entries, and a request reports at most a hundred problems. The finding's contract: bodies of 10,000 and 100,000
 * nationalities (under the body limit) answer 400 within a second each, eight at a time, and leave nothing behind;
 * so does every other list a report or an amendment can carry.
 */
class ValidationCostTest {

    /** The finding's bound. Refusing these bodies takes a few milliseconds; the bound is what is asserted. */
    private static final Duration BOUND = Duration.ofSeconds(1);
    /** Heap still in use after the burst, beyond what was in use before it, once garbage is collected. */
    private static final long MAX_RETAINED_BYTES = 64L * 1024 * 1024;
    private static final int WARM_UP_REQUESTS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedMongo mongo;
    private static RunningService service;
    private static Api monitor;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        service = RunningService.start(CommandServiceApplication.builder(), mongo.uri());
        monitor = service.api().as("monitor");
        // Warm up: a fresh service pays for loading and compiling its code on its first requests, not for refusing.
        String warm = created(monitor.post("/api/v1/incidents", Reports.kidnapping().build()));
        String hostileReport = json(Reports.kidnapping().with("nationalities", entries(100_000)).build());
        String hostileAmendment = json(Map.of("expectedVersion", 0, "reason", "warm", "changes",
                Map.of("nationalities", entries(100_000))));
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            monitor.post("/api/v1/incidents", hostileReport);
            monitor.post("/api/v1/incidents/" + warm + "/amendments", hostileAmendment);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void tenThousandNationalitiesAreRefusedWithinASecond() {
        String body = json(Reports.kidnapping().with("nationalities", entries(10_000)).build());
        Timed answer = timed(() -> monitor.post("/api/v1/incidents", body));

        assertRefusedWithinBound(answer, "nationalities", "list.too-long");
    }

    @Test
    void eightConcurrentReportsOfAHundredThousandNationalitiesAreRefusedWithinASecondEachAndLeaveNothingBehind()
            throws Exception {
        String body = json(Reports.kidnapping().with("nationalities", entries(100_000)).build());
        long retainedBefore = heapInUseAfterCollection();

        for (Timed answer : eightAtOnce(() -> monitor.post("/api/v1/incidents", body))) {
            assertRefusedWithinBound(answer, "nationalities", "list.too-long");
        }

        assertThat(heapInUseAfterCollection() - retainedBefore).as("heap retained by the burst")
                .isLessThan(MAX_RETAINED_BYTES);
    }

    @Test
    void eightConcurrentAmendmentsOfAHundredThousandNationalitiesAreRefusedWithinASecondEach() throws Exception {
        String incident = created(monitor.post("/api/v1/incidents", Reports.kidnapping().build()));
        String body = json(amendment(Map.of("nationalities", entries(100_000))));

        for (Timed answer : eightAtOnce(() -> monitor.post("/api/v1/incidents/" + incident + "/amendments", body))) {
            assertRefusedWithinBound(answer, "changes.nationalities", "list.too-long");
        }
    }

    @Test
    void everyListAReportOrAnAmendmentCarriesIsMeasuredBeforeItsEntries() {
        String incident = created(monitor.post("/api/v1/incidents", Reports.kidnapping().build()));
        List<String> huge = entries(100_000);
        Map<String, Object> consent = Map.of("obtained", true, "uses", huge);
        Map<String, Map<String, Object>> listsByField = Map.of(
                "nationalities", Map.of("nationalities", huge),
                "causesOfDeath", Map.of("causesOfDeath", huge),
                "consent.uses", Map.of("consent", consent));

        listsByField.forEach((field, list) -> {
            Reports report = Reports.kidnapping();
            list.forEach(report::with);
            String reported = json(report.build());
            String amended = json(amendment(list));
            assertRefusedWithinBound(timed(() -> monitor.post("/api/v1/incidents", reported)), field, "list.too-long");
            assertRefusedWithinBound(timed(() -> monitor.post("/api/v1/incidents/" + incident + "/amendments", amended)),
                    "changes." + field, "list.too-long");
        });
    }

    @Test
    void atMostAHundredProblemsAreReportedAndTheRestAreCounted() {
        List<String> fifty = entries(50);
        String body = json(Reports.kidnapping().with("nationalities", fifty).with("causesOfDeath", fifty)
                .with("consent", Map.of("obtained", true, "uses", fifty)).build());
        Timed answer = timed(() -> monitor.post("/api/v1/incidents", body));

        assertThat(answer.response().status()).as(answer.response().toString()).isEqualTo(400);
        JsonNode errors = answer.response().json().get("errors");
        assertThat(errors).hasSize(101);
        JsonNode last = errors.get(100);
        assertThat(last.get("code").asText()).isEqualTo("violations.more");
        assertThat(last.get("message").asText()).isEqualTo("…and 50 more problems");
    }

    private static void assertRefusedWithinBound(Timed answer, String field, String code) {
        assertThat(answer.response().status()).as(answer.response().toString()).isEqualTo(400);
        assertThat(answer.response().json().get("errors").toString()).contains("\"field\":\"" + field + "\"")
                .contains("\"code\":\"" + code + "\"");
        assertThat(answer.took()).as("time to refuse " + field).isLessThan(BOUND);
    }

    private static List<Timed> eightAtOnce(java.util.function.Supplier<Api.Response> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Timed>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(clients.submit(() -> timed(request)));
            }
            List<Timed> timed = new ArrayList<>();
            for (Future<Timed> answer : answers) {
                timed.add(answer.get(60, TimeUnit.SECONDS));
            }
            return timed;
        } finally {
            clients.shutdownNow();
        }
    }

    private static Timed timed(java.util.function.Supplier<Api.Response> request) {
        long start = System.nanoTime();
        Api.Response response = request.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private static Map<String, Object> amendment(Map<String, Object> changes) {
        return Map.of("expectedVersion", 0, "reason", "lists", "changes", changes);
    }

    /** Bodies are written before the clock starts: what is timed is the service's answer. */
    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("incidentId").asText();
    }

    private static List<String> entries(int count) {
        return Collections.nCopies(count, "XX");
    }

    private static long heapInUseAfterCollection() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private record Timed(Api.Response response, Duration took) {
    }


}
