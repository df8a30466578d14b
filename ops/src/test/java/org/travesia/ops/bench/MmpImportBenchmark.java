package org.travesia.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.ops.LocalLauncher;
import org.travesia.platform.testing.Api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How fast an MMP file is imported, the way an analyst meets it: {@code ./ops/run}'s processes (the durable embedded
 * store, both services from their jars), the file uploaded over HTTP, timed from the upload to the summary's
 * {@code DONE}. The 1,390-row HDX sample, then a generated 20,000-row file (seed 12), then the sample again (all
 * unchanged). Printed, not part of the suite (tag {@code bench}). Run with
 * {@code ./mvnw -B -o verify -pl ops -am -Dtest=MmpImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dexcluded.test.tags=crash}; {@code -Dbench.mmp.rows=N} changes the generated file's size, and
 * {@code -Dbench.jfr=DIR} has each service write a Java Flight Recording into that (existing) directory.
 */
@Tag("bench")
class MmpImportBenchmark {

    @TempDir
    Path data;

    @Test
    void importRatesOfTheHdxSampleAndAGeneratedFile() throws IOException {
        int generatedRows = Integer.getInteger("bench.mmp.rows", 20_000);
        List<String> javaOptions = new ArrayList<>(List.of("-Xmx512m"));
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            javaOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr + "/");
        }
        LocalLauncher.Settings settings = new LocalLauncher.Settings(Path.of("..").toAbsolutePath().normalize(), data,
                null, Integer.getInteger("bench.mongo.port", 27731), Integer.getInteger("bench.command.port", 8793),
                Integer.getInteger("bench.query.port", 8794), javaOptions, Map.of());
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/mmp/mmp-hdx-layout-2014-2015.csv")) {
            sample = in.readAllBytes();
        }
        try (LocalLauncher launcher = LocalLauncher.start(settings)) {
            Api analyst = new Api(settings.commandPort()).as("analyst");
            System.out.printf("load average before: %s%n", loadAverage());
            timed(analyst, "HDX sample", sample, 1390);
            timed(analyst, "generated", GeneratedMmpFile.rows(generatedRows, 12), generatedRows);
            timed(analyst, "HDX sample again", sample, 1390);
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    private static void timed(Api analyst, String name, byte[] csv, long rows) {
        long started = System.nanoTime();
        Api.Response upload = analyst.send("POST", "/api/v1/imports/mmp", "text/csv", csv);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        String id = upload.json().get("importId").asText();
        JsonNode[] summary = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            summary[0] = analyst.get("/api/v1/imports/" + id).json();
            return !"RUNNING".equals(summary[0].get("state").asText());
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("MMP import, %s: %d rows in %.1f s, %.0f rows/s; %s%n", name, rows, seconds,
                rows / seconds, summary[0].toString().replaceAll(",\"errors\".*", ""));
        assertThat(summary[0].get("state").asText()).as(summary[0].toString()).isEqualTo("DONE");
        assertThat(summary[0].get("rowsRead").asLong()).isEqualTo(rows);
    }

    private static String loadAverage() throws IOException {
        return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
