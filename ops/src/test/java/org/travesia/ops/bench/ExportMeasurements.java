package org.travesia.ops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.travesia.ops.EmbeddedStore;
import org.travesia.platform.testing.TestMasterKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * What a large export costs: time to the first byte and to the first row, throughput, and the heap query-service
 * needs, with query-service in its own JVM under {@code -Xmx256m} on the durable embedded store; then what finding
 * the exports that contained one record costs in the audit log. Run by {@code ops/bench/export [incidents]}.
 * <p>
 * The incidents (1,000,000 by default) are written straight into the {@code incidents} read model through the
 * driver, as the projection would have left them at position 0 (projecting a million events would take hours on
 * this store): public, consenting to aggregated publication, with coordinates on most, counts of every size. Their
 * free text is empty, so no text is opened. It is not a test and never runs in CI.
 */
public final class ExportMeasurements {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    /** The formats measured, in order: {@code BENCH_FORMATS}, comma-separated; CSV and GeoJSON by default. */
    private static final List<String> FORMATS = List.of(System.getenv().getOrDefault("BENCH_FORMATS", "csv,geojson")
            .split(","));
    private static final String[] COUNTRIES = {"PA", "CO", "MX", "GT", "HN", "US", "CR", "NI"};

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int storePort = Integer.parseInt(System.getenv().getOrDefault("TRAVESIA_MONGO_PORT", "0"));
        int queryPort = Integer.parseInt(System.getenv().getOrDefault("QUERY_SERVICE_PORT", "8792"));
        Path data = System.getenv("BENCH_DATA") != null ? Path.of(System.getenv("BENCH_DATA"))
                : Files.createTempDirectory(Path.of(System.getenv().getOrDefault("TRAVESIA_DATA", "/tmp")), "export-bench");
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s, load average at start %.2f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", storePort);
             MongoClient client = MongoClients.create(store.uri("travesia"))) {
            MongoCollection<Document> readModel = client.getDatabase("travesia").getCollection("incidents");
            if (readModel.estimatedDocumentCount() >= incidents) {
                System.out.printf(Locale.ROOT, "the store in %s holds %,d incidents already%n", data,
                        readModel.estimatedDocumentCount());
            } else {
                long seedStart = System.nanoTime();
                seed(readModel, incidents);
                System.out.printf(Locale.ROOT, "seeded %,d incidents into the read model in %.0f s%n", incidents,
                        (System.nanoTime() - seedStart) / 1e9);
            }
            Path gcLog = data.resolve("query-service-gc.log");
            Process queryService = startQueryService(store.uri("travesia"), queryPort, gcLog);
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                long startingAt = System.nanoTime();
                awaitReady(http, queryPort, queryService);
                System.out.printf(Locale.ROOT, "query-service ready in %.0f s (the embedded store reads every document "
                        + "once per index the read model asks for at start)%n", (System.nanoTime() - startingAt) / 1e9);
                System.out.println("\n| format | rows | time to first byte | time to first row | whole export | size | "
                        + "throughput | load average after |");
                System.out.println("|---|---|---|---|---|---|---|---|");
                List<String> sampleIds = new ArrayList<>();
                for (String format : FORMATS) {
                    export(http, queryPort, format, sampleIds);
                }
                auditLookup(http, queryPort, sampleIds);
                System.out.printf(Locale.ROOT, "%nquery-service heap (-Xmx256m), from its GC log: %s%n", heap(gcLog));
            } finally {
                queryService.destroy();
                if (!queryService.waitFor(30, TimeUnit.SECONDS)) {
                    queryService.destroyForcibly();
                }
            }
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", load());
    }

    /** Four writers, so that the durable store's group commit shares each fsync among their batches. */
    private static void seed(MongoCollection<Document> incidents, int count) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int first = writer;
            done.add(writers.submit(() -> seed(incidents, first, 4, count)));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
    }

    /** Incidents {@code first}, {@code first + step}… below {@code count}, a thousand per insert. */
    private static void seed(MongoCollection<Document> incidents, int first, int step, int count) {
        List<Document> batch = new ArrayList<>(1_000);
        Date recorded = Date.from(Instant.parse("2026-11-20T12:00:00Z"));
        for (int i = first; i < count; i += step) {
            String id = UUID.nameUUIDFromBytes(("bench-" + i).getBytes(StandardCharsets.UTF_8)).toString();
            LocalDate day = LocalDate.of(2014, 1, 1).plusDays(i % 4_700);
            String country = COUNTRIES[i % COUNTRIES.length];
            Document place = new Document("country", country).append("admin1", i % 3 == 0 ? "Darién" : null)
                    .append("admin2", null).append("locality", null).append("precision", "KM_2");
            if (i % 10 != 0) {
                place.append("coordinates", new Document("lat", 8.0 + (i % 1000) / 1000.0)
                        .append("lon", -77.0 - (i % 700) / 1000.0));
            }
            Document details = new Document("type", i % 2 == 0 ? "DEATH" : "DISAPPEARANCE")
                    .append("occurredAt", day.toString()).append("occurredAtPrecision", "DAY")
                    .append("place", place).append("routeId", "darien")
                    .append("affected", new Document("dead", i % 7).append("missing", i % 13).append("injured", null)
                            .append("survivors", i % 30))
                    .append("nationalities", List.of("VE", "HT"))
                    .append("source", new Document("type", "MEDIA").append("quality", 3))
                    .append("consent", new Document("obtained", true)
                            .append("uses", List.of("PROTECTION", "ADVOCACY_AGGREGATED")));
            batch.add(new Document("_id", id).append("version", 0L).append("organisation", "local")
                    .append("reportedBy", "monitor").append("sharing", "PUBLIC").append("status", "REPORTED")
                    .append("verified", false).append("duplicateOf", null).append("retracted", false)
                    .append("details", details).append("sources", List.of(details.get("source")))
                    .append("effectiveQuality", 3)
                    .append("occurredFrom", Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .append("recordedAt", recorded).append("updatedAt", recorded)
                    .append("routeAssignment", new Document("routeId", "darien").append("segmentId", null)
                            .append("method", "REPORTED"))
                    .append("position", 0L));
            if (batch.size() == 1_000) {
                incidents.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            incidents.insertMany(batch);
        }
    }

    private static Process startQueryService(String mongoUri, int port, Path gcLog) throws IOException {
        Path jar;
        try (var files = Files.list(Path.of("query-service", "target"))) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst().orElseThrow();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(gcLog.resolveSibling("query-service.log").toFile());
        builder.environment().put("MONGODB_URI", mongoUri);
        builder.environment().put("QUERY_SERVICE_PORT", String.valueOf(port));
        builder.environment().put("TRAVESIA_SECURITY_LOCAL_USERS_ENABLED", "true");
        // A store run on again (BENCH_DATA) needs the master key its data keys were wrapped by.
        builder.environment().put("TRAVESIA_MASTER_KEY_FILE", System.getenv().getOrDefault("TRAVESIA_MASTER_KEY_FILE",
                TestMasterKey.file().toString()));
        return builder.start();
    }

    private static void awaitReady(HttpClient http, int port, Process service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(40);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("query-service exited");
            }
            try {
                if (http.send(get(port, "/actuator/health/readiness", null), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Starting.
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("query-service did not become ready");
    }

    /** One public export, read as a client reads it, timed from the request. */
    private static void export(HttpClient http, int port, String format, List<String> sampleIds) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(get(port, "/api/v1/exports/incidents?audience=public&format="
                + format, "advocate"), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(format + " export answered " + response.statusCode());
        }
        long firstByte = 0;
        long firstRow = 0;
        long bytes = 0;
        long newlines = 0;
        byte[] buffer = new byte[1 << 16];
        StringBuilder head = new StringBuilder();
        try (InputStream body = response.body()) {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                if (firstByte == 0 && read > 0) {
                    firstByte = System.nanoTime();
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
                if (firstRow == 0) {
                    head.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    if (firstRowIn(format, head)) {
                        firstRow = System.nanoTime();
                        sampleIds.add(firstId(format, head));
                    }
                }
                bytes += read;
            }
        }
        long end = System.nanoTime();
        JsonNode ending = JSON.readTree(http.send(get(port, "/api/v1/audit?action=EXPORT_FINISHED&limit=1", "admin"),
                HttpResponse.BodyHandlers.ofString()).body()).get("items").get(0).get("details");
        double seconds = (end - start) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %,d | %.2f s | %.1f s | %.1f s | %.0f MB | %.1f MB/s | %.2f |%n",
                format, ending.get("rows").asLong(), (firstByte - start) / 1e9, (firstRow - start) / 1e9, seconds,
                bytes / 1e6, bytes / 1e6 / seconds, load());
        if (!ending.get("completed").asBoolean() || ending.get("bytes").asLong() != bytes) {
            throw new IllegalStateException("the audit's ending does not match what was received: " + ending);
        }
        if (!format.equals("geojson") && newlines < ending.get("rows").asLong()) {
            throw new IllegalStateException("fewer lines than rows: " + newlines);
        }
    }

    private static boolean firstRowIn(String format, CharSequence head) {
        return switch (format) {
            case "csv" -> head.chars().filter(c -> c == '\n').count() >= 2;
            case "geojson" -> head.toString().contains("\"type\":\"Feature\"");
            default -> head.toString().contains("\n");
        };
    }

    private static String firstId(String format, CharSequence head) {
        String text = head.toString();
        return switch (format) {
            case "csv" -> text.split("\r\n")[1].split(",")[0];
            case "geojson" -> text.split("\"id\":\"")[1].split("\"")[0];
            default -> text.split("\"incidentId\":\"")[1].split("\"")[0];
        };
    }

    /** Finds, as an admin, every export that contained a record: three exports of 1M rows each hold it. */
    private static void auditLookup(HttpClient http, int port, List<String> recordIds) throws Exception {
        System.out.println("\n| audit lookup of one record id, after the exports above (each kept its ids in chunks "
                + "of 1,000) | entries found | time |");
        System.out.println("|---|---|---|");
        for (String recordId : recordIds) {
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(get(port, "/api/v1/audit?action=EXPORT&recordId=" + recordId,
                        "admin"), HttpResponse.BodyHandlers.ofString());
                double millis = (System.nanoTime() - start) / 1e6;
                System.out.printf(Locale.ROOT, "| %s, round %d | %d | %.0f ms |%n", recordId, round + 1,
                        JSON.readTree(answer.body()).get("items").size(), millis);
            }
        }
    }

    /** The largest heap occupancy any collection found, and after it, with the heap's size, from the GC log. */
    private static String heap(Path gcLog) throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int pauses = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                pauses++;
                before = Math.max(before, Long.parseLong(pause.group(1)));
                after = Math.max(after, Long.parseLong(pause.group(2)));
                committed = Math.max(committed, Long.parseLong(pause.group(3)));
            }
        }
        return String.format(Locale.ROOT, "peak before a collection %d MB, peak live after one %d MB, heap size at most "
                + "%d MB, over %d collections (the export runs included)", before, after, committed, pauses);
    }

    private static HttpRequest get(int port, String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofHours(1));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
