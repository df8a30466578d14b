package org.travesia.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.travesia.ops.compose.ComposeFileTest.list;
import static org.travesia.ops.compose.ComposeFileTest.map;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Grafana dashboards are provisioned JSON that Grafana can load: each parses, has its own uid, panels with their
 * own ids inside the 24-column grid, and every query goes to the provisioned Prometheus, which is this compose
 * file's. (That every metric they query is served is {@code DashboardAndAlertMetricsExistTest}.)
 */
class DashboardsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theProvisioningPointsAtThisComposeFilesPrometheusAndDashboards() {
        Map<String, Object> datasource = ((List<Map<String, Object>>) ComposeFiles
                .yaml("grafana/provisioning/datasources/prometheus.yml").get("datasources")).get(0);
        Map<String, Object> provider = ((List<Map<String, Object>>) ComposeFiles
                .yaml("grafana/provisioning/dashboards/travesia.yml").get("providers")).get(0);
        List<String> mounts = list(map(map(ComposeFiles.yaml("docker-compose.yml"), "services"), "grafana"),
                "volumes");

        assertThat(datasource.get("uid")).isEqualTo("prometheus");
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(mounts).contains("./grafana/dashboards:" + map(provider, "options").get("path") + ":ro",
                "./grafana/provisioning:/etc/grafana/provisioning:ro");
    }

    @Test
    void everyDashboardIsLoadableAndQueriesTheProvisionedPrometheus() {
        List<Path> dashboards = ComposeFiles.dashboards();
        assertThat(dashboards).extracting(p -> p.getFileName().toString())
                .contains("travesia-health.json", "travesia-runtime.json", "travesia-activity.json");
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = ComposeFiles.json("grafana/dashboards/" + file.getFileName());
            assertThat(uids.add(dashboard.get("uid").asText())).as(file + " has its own uid").isTrue();
            assertThat(dashboard.get("title").asText()).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.get("panels")) {
                String where = file.getFileName() + " / " + panel.get("title").asText();
                assertThat(ids.add(panel.get("id").asInt())).as(where + " has its own id").isTrue();
                JsonNode grid = panel.get("gridPos");
                assertThat(grid.get("x").asInt() + grid.get("w").asInt()).as(where).isLessThanOrEqualTo(24);
                if (panel.get("type").asText().equals("row")) {
                    continue;
                }
                assertThat(panel.at("/datasource/uid").asText()).as(where).isEqualTo("prometheus");
                assertThat(panel.get("targets")).as(where + " queries something").isNotEmpty();
                for (JsonNode target : panel.get("targets")) {
                    assertThat(target.get("expr").asText()).as(where).isNotBlank();
                    assertThat(target.at("/datasource/uid").asText()).as(where).isEqualTo("prometheus");
                }
            }
        }
    }

    @Test
    void thePanelsOperatorsWerePromisedAreThere() {
        String expressions = String.join("\n", ComposeFiles.expressions().values());

        assertThat(expressions).contains("http_server_requests_seconds_count{application=\"command-service\"",
                "http_server_requests_seconds_bucket{application=\"command-service\"",
                "travesia_eventstore_head_position", "travesia_processor_segment_lag_events",
                "travesia_processor_segment_lag_seconds", "travesia_processor_dead_letter_sequences",
                "travesia_exports_total", "travesia_incident_events_total", "jvm_memory_used_bytes",
                "mongodb_driver_pool_size", "mongodb_driver_pool_checkedout", "travesia_alerts_raised_total",
                "travesia_webhooks_deliveries_total");
    }
}
