package org.travesia.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The harness in quick mode, as {@code ops/bench/run --quick} runs it, so that it cannot rot: every scenario ran and
 * wrote well-formed results, every rate the issue holds to the raw driver has its ratio, appends were measured
 * after command-service's processors had caught up, and appends and reads after a warm-up that read every JVM's
 * compilation time (the services' over their Prometheus endpoint). Speed is not asserted; the machine is shared.
 * Tagged {@code bench-quick}: CI runs it (the profile active with {@code CI=true}), a local build does not.
 */
@Tag("bench-quick")
class QuickBenchmarkRunTest {

    @TempDir
    Path out;

    @Test
    void aQuickRunMeasuresEveryScenarioAndWritesItsResults() throws Exception {
        Path results = BenchmarkHarness.run(BenchOptions.parse("--quick", "--out", out.toString()));

        JsonNode run = new ObjectMapper().readTree(results.toFile());
        assertThat(run.path("machine").path("cores").asInt()).isPositive();
        assertThat(run.path("command").asText()).isEqualTo("ops/bench/run --quick --out " + out);
        List<String> scenarios = new ArrayList<>();
        for (JsonNode scenario : run.get("scenarios")) {
            scenarios.add(scenario.get("scenario").asText());
            for (JsonNode row : scenario.get("rows")) {
                row.fields().forEachRemaining(field -> assertThat(!field.getValue().isNumber()
                        || Double.isFinite(field.getValue().asDouble()) && field.getValue().asDouble() >= 0)
                        .as("%s: %s", scenario.get("scenario").asText(), row).isTrue());
            }
        }
        assertThat(scenarios).containsAll(BenchOptions.SCENARIOS);
        for (JsonNode scenario : run.get("scenarios")) {
            if (BenchOptions.SCENARIOS.contains(scenario.get("scenario").asText())) {
                assertThat(scenario.get("rows")).as(scenario.get("scenario").asText()).isNotEmpty();
            }
        }
        for (String scenario : List.of("catch-up", "append", "exports", "import")) {
            assertThat(rows(run, scenario)).as(scenario).allSatisfy(row -> assertThat(row.has("ratio to raw")).isTrue());
        }
        assertThat(rows(run, "append")).as("every append starts with command-service's processors at the head")
                .allSatisfy(row -> assertThat(row.has("command catch-up from zero s")
                        || row.has("command caught up after s")).isTrue());
        for (String scenario : List.of("append", "reads")) {
            assertThat(rows(run, scenario)).as("%s: how long its warm-up was, and its JITs' last load", scenario)
                    .allSatisfy(row -> assertThat(row.has("warm-up s") && row.has("warm-up settled")
                            && row.has("JIT ms per ms at warm-up end")).isTrue());
        }
        assertThat(rows(run, "catch-up")).as("when each processor reached the head").allSatisfy(row -> {
            JsonNode perProcessor = row.path("caught up s, per processor");
            assertThat(perProcessor.size()).isEqualTo(row.path("processors").asInt());
            // Timed from a moment before the catch-up's own clock starts, and noted a moment before it stops.
            perProcessor.forEach(seconds -> assertThat(seconds.asDouble()).isBetween(0.0,
                    row.path("seconds").asDouble() + 0.1));
            // The file holds every document at least once, beside its indexes and chunks not yet reused.
            assertThat(row.path("documents MiB").asDouble()).isPositive()
                    .isLessThan(row.path("store file MiB").asDouble());
        });
        assertThat(rows(run, "encryption")).as("sealed against clear").allSatisfy(row ->
                assertThat(row.has("sealed / plain")).isTrue());
        assertThat(Files.readString(out.resolve(BenchReport.MARKDOWN_FILE))).contains("### append", "ratio to raw");
    }

    private static List<JsonNode> rows(JsonNode run, String scenario) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode table : run.get("scenarios")) {
            if (table.get("scenario").asText().equals(scenario)) {
                table.get("rows").forEach(rows::add);
            }
        }
        return rows;
    }
}
