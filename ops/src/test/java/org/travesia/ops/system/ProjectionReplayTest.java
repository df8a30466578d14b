package org.travesia.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/admin/processors/{name}/replay}: the operator rebuilds one projection while the services stay up,
 * the call is audited, and a replay is refused while another instance still holds some of the processor's segments.
 */
class ProjectionReplayTest {

    private TravesiaSystem system;
    private RunningService secondQueryService;

    @AfterEach
    void stop() {
        if (secondQueryService != null) {
            secondQueryService.close();
        }
        system.close();
    }

    @Test
    void theOperatorReplaysTheIncidentProjectionAndEveryIncidentReadsTheSameAfterwards() {
        system = TravesiaSystem.start();
        List<String> ids = reportAndCurate(12);
        Map<String, String> before = readAll(system.queries(), ids);

        Api.Response replay = system.queries().as("operator").post("/api/v1/admin/processors/incidents/replay", "");

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("replaying").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(readAll(system.queries(), ids)).isEqualTo(before);
            assertThat(system.queries().as("operator").get("/actuator/eventprocessors").body())
                    .as("a replay that reached the position it was asked at is over, even with nothing new after it")
                    .doesNotContain("\"replaying\":true");
        });
        JsonNode audit = system.queries().as("admin").get("/api/v1/audit?action=PROCESSOR_REPLAY").json().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("user").asText()).isEqualTo("operator");
        assertThat(audit.get(0).get("resource").asText()).isEqualTo("processors.incidents.replay");
    }

    @Test
    void onlyTheOperatorMayReplayAndOnlyAProcessorThatExists() {
        system = TravesiaSystem.start();

        Api.Response analyst = system.queries().as("analyst").post("/api/v1/admin/processors/incidents/replay", "");
        Api.Response admin = system.queries().as("admin").post("/api/v1/admin/processors/incidents/replay", "");
        Api.Response unknown = system.queries().as("operator").post("/api/v1/admin/processors/nothing/replay", "");

        assertThat(analyst.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asText()).isEqualTo("processor.not-found");
        assertThat(system.queries().as("operator").header("Accept-Language", "es")
                .post("/api/v1/admin/processors/nothing/replay", "").json().get("detail").asText())
                .startsWith("Ningún procesador");
    }

    /** The runbook's way with two instances: pause the processor on the other one, replay, resume it there. */
    @Test
    void withTwoInstancesTheReplayWaitsUntilTheOtherHasPausedTheProcessor() {
        String[] halfTheSegments = {"travesia.processing.segments=4", "travesia.processing.max-claimed-segments=2"};
        system = TravesiaSystem.start(halfTheSegments);
        secondQueryService = RunningService.start(QueryServiceApplication.builder(), system.mongo().uri(),
                halfTheSegments);
        Api first = system.queries().as("operator");
        Api second = secondQueryService.api().as("operator");
        List<String> ids = reportAndCurate(8);
        Map<String, String> before = readAll(system.queries(), ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> claimedSegments(first) == 2 && claimedSegments(second) == 2);

        Api.Response refused = first.post("/api/v1/admin/processors/incidents/replay", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("processor.claimed-elsewhere");
        assertThat(readAll(system.queries(), ids)).as("nothing was reset").isEqualTo(before);

        assertThat(second.post("/api/v1/admin/processors/incidents/pause", "").status()).isEqualTo(200);
        assertThat(first.post("/api/v1/admin/processors/incidents/replay", "").status()).isEqualTo(202);
        assertThat(second.post("/api/v1/admin/processors/incidents/resume", "").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(readAll(system.queries(), ids)).isEqualTo(before);
            assertThat(claimedSegments(first) + claimedSegments(second)).isEqualTo(4);
        });
    }

    /** Reports incidents and takes each through a few curation steps, and waits until the projection has them all. */
    private List<String> reportAndCurate(int count) {
        Api monitor = system.commands().as("monitor");
        Api analyst = system.commands().as("analyst");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = monitor.post("/api/v1/incidents", Reports.kidnapping().onRoute("darien", "bajo-chiquito")
                    .sharedWith("NETWORK").build()).json().get("incidentId").asText();
            ids.add(id);
            if (i % 2 == 0) {
                monitor.post("/api/v1/incidents/" + id + "/amendments", Map.of("expectedVersion", 0,
                        "reason", "count confirmed", "changes", Map.of("affected", Map.of("missing", i))));
            }
            if (i % 3 == 0) {
                analyst.post("/api/v1/incidents/" + id + "/retraction", Map.of("reason", "reported in error"));
            }
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() -> system.queries().as("analyst")
                    .get("/api/v1/incidents/" + id + "/history").json().get("items").size() == expectedEvents(ids, id));
        }
        return ids;
    }

    private static int expectedEvents(List<String> ids, String id) {
        int i = ids.indexOf(id);
        return 1 + (i % 2 == 0 ? 1 : 0) + (i % 3 == 0 ? 1 : 0);
    }

    /** Each incident's answer and its history, as an analyst of the reporting organisation reads them. */
    private static Map<String, String> readAll(Api queries, List<String> ids) {
        Api analyst = queries.as("analyst");
        Map<String, String> answers = new LinkedHashMap<>();
        for (String id : ids) {
            answers.put(id, analyst.get("/api/v1/incidents/" + id).body());
            answers.put(id + "/history", analyst.get("/api/v1/incidents/" + id + "/history").body());
        }
        return answers;
    }

    private static int claimedSegments(Api operator) {
        for (JsonNode processor : operator.get("/actuator/eventprocessors").json().get("processors")) {
            if (processor.get("name").asText().equals("incidents")) {
                return processor.get("segments").size();
            }
        }
        return 0;
    }
}
