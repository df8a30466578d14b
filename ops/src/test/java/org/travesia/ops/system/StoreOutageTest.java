package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.command.CommandServiceApplication;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

/**
 * While the store is away both services say so at once: 503 problem+json with Retry-After within a couple of seconds
 * (not the driver's 30 s), and readiness DOWN so a load balancer stops sending traffic. When it is back, readiness is
 * UP again and the event processors carry on where they stopped: every report is projected, none skipped.
 */
class StoreOutageTest {

    /** Well above the configured selection timeout, far below the driver's default of 30 s. */
    private static final Duration FAST = Duration.ofSeconds(5);

    @TempDir
    static Path data;
    private static RestartableStore store;
    private static RunningService commands;
    private static RunningService queries;

    @BeforeAll
    static void start() {
        store = RestartableStore.start(data);
        commands = RunningService.start(CommandServiceApplication.builder(), store.uri());
        queries = RunningService.start(QueryServiceApplication.builder(), store.uri());
    }

    @AfterAll
    static void stop() {
        queries.close();
        commands.close();
        store.close();
    }

    @Test
    void bothServicesAnswer503FastWhileTheStoreIsAwayAndCarryOnWhenItIsBack() {
        List<String> reports = new ArrayList<>();
        reports.add(report());
        assertReadable(reports.get(0));

        store.takeAway();
        try {
            assertUnavailable(() -> commands.api().as("monitor").post("/api/v1/incidents",
                    Reports.kidnapping().build()));
            assertUnavailable(() -> queries.api().as("monitor").get("/api/v1/incidents/" + reports.get(0)));
            assertUnavailable(() -> queries.api().as("monitor").get("/api/v1/incidents?country=PA"));
            for (RunningService service : List.of(commands, queries)) {
                await().atMost(FAST).until(() -> service.api().get("/actuator/health/readiness").status() == 503);
                assertThat(service.api().get("/actuator/health/liveness").status()).as("alive, just not ready")
                        .isEqualTo(200);
            }
        } finally {
            store.bringBack();
        }

        for (RunningService service : List.of(commands, queries)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> service.api().get("/actuator/health/readiness").status() == 200);
        }
        Reports afterwards = Reports.kidnapping();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response created = commands.api().as("monitor").post("/api/v1/incidents", afterwards.build());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            reports.add(created.json().get("incidentId").asText());
        });
        for (String id : reports) {
            assertReadable(id);
        }
    }

    private static String report() {
        Api.Response created = commands.api().as("monitor").post("/api/v1/incidents", Reports.kidnapping().build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("incidentId").asText();
    }

    /** The projection has it; after an outage the processors may need their back-off before they try again. */
    private static void assertReadable(String id) {
        await().atMost(Duration.ofSeconds(90)).until(() ->
                queries.api().as("monitor").get("/api/v1/incidents/" + id + "?minVersion=0").status() == 200);
    }

    private static void assertUnavailable(Supplier<Api.Response> call) {
        long started = System.nanoTime();
        Api.Response answer = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(took).as("answered in " + took).isLessThan(FAST);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.json().get("code").asText()).isEqualTo("store.unavailable");
    }
}
