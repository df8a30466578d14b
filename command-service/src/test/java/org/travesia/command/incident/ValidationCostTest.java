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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Refusing a body costs little however hostile it is: a list over its limit is refused without looking at its
 * entries, and a request reports at most a hundred problems. The finding's contract: bodies of 10,000 and 100,000
 * entries (under the body limit) answer 400 within a second each, eight at a time, and leave nothing behind.
 */
class ValidationCostTest {

    /** The finding's bound. Refusing these bodies takes a few milliseconds; the bound is what is asserted. */
    private static final Duration BOUND = Duration.ofSeconds(1);
    /** Heap still in use after the burst, beyond what was in use before it, once garbage is collected. */
    private static final long MAX_RETAINED_BYTES = 64L * 1024 * 1024;

    private static EmbeddedMongo mongo;
    private static RunningService service;
    private static Api monitor;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.inMemory();
        service = RunningService.start(CommandServiceApplication.builder(), mongo.uri());
        monitor = service.api().as("monitor");
        // Warm up: the first requests of a fresh service pay for class loading and compiling, not for validation.
        String warm = created(monitor.post("/api/v1/incidents", Reports.kidnapping().build()));
        List<String> huge = entries(100_000);
        monitor.post("/api/v1/incidents", Reports.kidnapping().with("nationalities", huge).build());
        monitor.post("/api/v1/incidents/" + warm + "/amendments",
                Map.of("expectedVersion", 0, "reason", "warm", "changes", Map.of("nationalities", huge)));
    }

    @AfterAll
    static void stop() {
        service.close();
        mongo.close();
    }

    @Test
    void tenThousandNationalitiesAreRefusedWithinASecond() {
        Timed answer = timed(() -> monitor.post("/api/v1/incidents",
                Reports.kidnapping().with("nationalities", entries(10_000)).build()));

        assertRefusedWithinBound(answer, "nationalities", "list.too-long");
    }

    @Test
    void eightConcurrentBodiesOfAHundredThousandEntriesInEachListAreRefusedWithinASecondEachAndLeaveNothingBehind()
            throws Exception {
        String amendable = created(monitor.post("/api/v1/incidents", Reports.kidnapping().build()));
        List<String> huge = entries(100_000);
        Map<String, Object> consent = Map.of("obtained", true, "uses", huge);
        List<HostileList> lists = List.of(
                new HostileList("nationalities", Reports.kidnapping().with("nationalities", huge).build(),
                        Map.of("nationalities", huge)),
                new HostileList("causesOfDeath", Reports.kidnapping().with("causesOfDeath", huge).build(),
                        Map.of("causesOfDeath", huge)),
                new HostileList("consent.uses", Reports.kidnapping().with("consent", consent).build(),
                        Map.of("consent", consent)));
        long retainedBefore = heapInUseAfterCollection();

        for (HostileList list : lists) {
            for (Timed answer : eightAtOnce(() -> monitor.post("/api/v1/incidents", list.report()))) {
                assertRefusedWithinBound(answer, list.field(), "list.too-long");
            }
            for (Timed answer : eightAtOnce(() -> monitor.post("/api/v1/incidents/" + amendable + "/amendments",
                    Map.of("expectedVersion", 0, "reason", "lists", "changes", list.changes())))) {
                assertRefusedWithinBound(answer, "changes." + list.field(), "list.too-long");
            }
        }

        assertThat(heapInUseAfterCollection() - retainedBefore).as("heap retained by the burst")
                .isLessThan(MAX_RETAINED_BYTES);
    }

    @Test
    void atMostAHundredProblemsAreReportedAndTheRestAreCounted() {
        List<String> fifty = entries(50);
        Timed answer = timed(() -> monitor.post("/api/v1/incidents", Reports.kidnapping()
                .with("nationalities", fifty).with("causesOfDeath", fifty)
                .with("consent", Map.of("obtained", true, "uses", fifty)).build()));

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

    /** One list a request can carry, over-long: as a new report, and as an amendment's changes. */
    private record HostileList(String field, Map<String, Object> report, Map<String, Object> changes) {
    }
}
