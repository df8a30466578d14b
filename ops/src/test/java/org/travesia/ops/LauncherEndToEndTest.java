package org.travesia.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;

/**
 * What {@code ./ops/run} does, for real: the embedded store and both services as separate processes from the built
 * jars. A report goes in over HTTP and comes out over HTTP, and is still there after everything, store included, has
 * been stopped and started again.
 */
class LauncherEndToEndTest {

    private static final Pattern SEGMENTS_GAUGE =
            Pattern.compile("^travesia_processor_segments\\{[^}]*processor=\"([^\"]+)\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path data;

    @Test
    void theSystemStartsServesAReportAndKeepsItAcrossARestart() throws IOException {
        Path home = Path.of("..").toAbsolutePath().normalize();
        assertThat(Files.exists(home.resolve("command-service/target"))).as("run from the ops module").isTrue();
        LocalLauncher.Settings settings = new LocalLauncher.Settings(home, data, null, freePort(), freePort(),
                freePort(), List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                // Without the reference routes, so the report is the store's only event.
                Map.of("TRAVESIA_ROUTES_SEED_ON_START", "false"));

        String incidentId;
        try (LocalLauncher launcher = LocalLauncher.start(settings)) {
            Api.Response created = new Api(settings.commandPort()).as("monitor")
                    .post("/api/v1/incidents", Reports.kidnapping().build());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            incidentId = created.json().get("incidentId").asText();

            Api.Response read = new Api(settings.queryPort()).as("monitor")
                    .get("/api/v1/incidents/" + incidentId + "?minVersion=0");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("type").asText()).isEqualTo("KIDNAPPING");

            assertThat(new Api(settings.commandPort()).get("/actuator/health").status()).isEqualTo(200);
            Api.Response processors = new Api(settings.queryPort()).as("operator").get("/actuator/eventprocessors");
            assertThat(processors.json().get("headPosition").asLong()).as("the report is the store's only event")
                    .isEqualTo(1);
            for (int port : List.of(settings.commandPort(), settings.queryPort())) {
                assertThat(segmentsPerProcessor(port)).as("one process of each service on the embedded store")
                        .isNotEmpty().allSatisfy((processor, segments) -> assertThat(segments).as(processor).isEqualTo(1));
            }
        }

        try (LocalLauncher launcher = LocalLauncher.start(settings)) {
            Api.Response read = new Api(settings.queryPort()).as("monitor").get("/api/v1/incidents/" + incidentId);
            assertThat(read.status()).as("still there after a restart: " + read).isEqualTo(200);
        }
    }

    /** The segments each processor has in the token store, from the service's own gauge. */
    private static Map<String, Integer> segmentsPerProcessor(int port) {
        Map<String, Integer> segments = new TreeMap<>();
        Matcher gauge = SEGMENTS_GAUGE.matcher(new Api(port).as("operator").get("/actuator/prometheus").body());
        while (gauge.find()) {
            segments.put(gauge.group(1), (int) Double.parseDouble(gauge.group(2)));
        }
        return segments;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
