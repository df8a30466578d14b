package org.travesia.ops.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bson.Document;
import org.travesia.ops.LocalLauncher;
import org.travesia.ops.metrics.PrometheusScrape;
import org.travesia.platform.testing.Api;
import org.travesia.platform.testing.Reports;
import org.travesia.platform.testing.TestMasterKey;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * The scenarios that go through HTTP, with the embedded store and both services as separate processes started as
 * {@code ./ops/run} starts them ({@link LocalLauncher}), on the store {@link StoreAtSize} filled: reads, HTTP ingest
 * with concurrent clients, the live lag at half the ingest measured, exports and the MMP import. Each service gets
 * {@value #SERVICE_HEAP}, the heap exports are held to; the write rate limit is lifted, as the measurements
 * did.
 */
final class SystemAtSize {

    static final String SERVICE_HEAP = "-Xmx256m";
    private static final String PROCESSORS = "/actuator/eventprocessors";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * The MMP samples the tests use: 1,390 rows of the HDX layout; for a quick run, the first {@value #QUICK_MMP_ROWS}
     * rows of the web export (no field of it spans lines), since command-service's processors take every imported
     * incident in before the raw limit is measured.
     */
    private static final String MMP_SAMPLE = "/mmp/mmp-hdx-layout-2014-2015.csv";
    private static final String QUICK_MMP_SAMPLE = "/mmp/mmp-web-export-2026-01-to-05.csv";
    private static final int QUICK_MMP_ROWS = 80;

    private final BenchOptions options;
    private final BenchReport report;
    private final Path data;
    private final int incidents;
    private final int commitBytes;

    SystemAtSize(BenchOptions options, BenchReport report, Path data, int incidents, int commitBytes) {
        this.options = options;
        this.report = report;
        this.data = data;
        this.incidents = incidents;
        this.commitBytes = commitBytes;
    }

    void run() throws Exception {
        LocalLauncher.Settings settings = settings(Map.of());
        try (LocalLauncher launcher = LocalLauncher.start(settings);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + settings.mongoPort())) {
            RawLimit raw = new RawLimit(client.getDatabase(StoreAtSize.DATABASE));
            Api commands = new Api(settings.commandPort());
            Api queries = new Api(settings.queryPort());
            Quiet quiet = new Quiet(commands.as("operator"), queries.as("operator"),
                    client.getDatabase(StoreAtSize.DATABASE));
            if (options.runs("reads")) {
                reads(quiet, queries.as("analyst"),
                        client.getDatabase(StoreAtSize.DATABASE).getCollection("incidents"));
            }
            double ingest = 0;
            if (options.runs("append") || options.runs("live-lag")) {
                ingest = httpAppend(quiet, commands.as("monitor"), raw, "HTTP");
            }
            if (options.runs("live-lag")) {
                liveLag(quiet, commands.as("monitor"), queries.as("monitor"), ingest / 2);
            }
            if (options.runs("exports")) {
                for (String format : List.of("csv", "geojson")) {
                    export(quiet, raw, settings.queryPort(), queries.as("operator"), format);
                }
            }
            if (options.runs("import")) {
                mmpImport(quiet, raw, commands.as("analyst"));
            }
        }
    }

    /**
     * HTTP ingest as it was before verified passwords were kept: the same system with BCrypt on every request, for
     * the before/after figure of the same run.
     */
    void runWithBCryptOnEveryRequest() throws Exception {
        LocalLauncher.Settings settings = settings(Map.of("TRAVESIA_SECURITY_LOCAL_USERS_VERIFIED_PASSWORD_LIFETIME",
                "0s"));
        try (LocalLauncher launcher = LocalLauncher.start(settings);
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + settings.mongoPort())) {
            Quiet quiet = new Quiet(new Api(settings.commandPort()).as("operator"),
                    new Api(settings.queryPort()).as("operator"), client.getDatabase(StoreAtSize.DATABASE));
            httpAppend(quiet, new Api(settings.commandPort()).as("monitor"), new RawLimit(client.getDatabase(
                    StoreAtSize.DATABASE)), "HTTP, BCrypt on every request");
        }
    }

    private LocalLauncher.Settings settings(Map<String, String> more) throws IOException {
        Map<String, String> environment = new HashMap<>(more);
        environment.put("TRAVESIA_MASTER_KEY_FILE", TestMasterKey.file().toString());
        environment.put("TRAVESIA_SECURITY_RATE_LIMIT_WRITES_PER_MINUTE", "100000000");
        environment.put("TRAVESIA_SECURITY_RATE_LIMIT_BURST", "100000000");
        List<String> javaOptions = new ArrayList<>(List.of(SERVICE_HEAP));
        javaOptions.addAll(options.serviceJitOptions());
        // For profiles: BENCH_SERVICE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/jfr/,settings=profile'
        String profiling = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        if (profiling != null && !profiling.isBlank()) {
            javaOptions.addAll(List.of(profiling.trim().split("\\s+")));
        }
        return new LocalLauncher.Settings(home(), data, null, port("TRAVESIA_MONGO_PORT"),
                port("COMMAND_SERVICE_PORT"), port("QUERY_SERVICE_PORT"), javaOptions, environment);
    }

    /**
     * Both services' processors at the head ({@link ProcessorsCaughtUp}, over HTTP as the operator): every measured
     * phase, and every raw limit after one, starts on a quiet system, not on one still projecting what was appended
     * before. How long that took goes into the phase's rows: after the start-up, it is the services' catch-up.
     */
    private final class Quiet {

        private final Api commandOperator;
        private final Api queryOperator;
        private final MongoDatabase store;

        Quiet(Api commandOperator, Api queryOperator, MongoDatabase store) {
            this.commandOperator = commandOperator;
            this.queryOperator = queryOperator;
            this.store = store;
        }

        Waited await() {
            double[] seconds = ProcessorsCaughtUp.secondsUntil(options.catchUpLimit(),
                    () -> commandOperator.get(PROCESSORS).json(), () -> queryOperator.get(PROCESSORS).json());
            return new Waited(seconds[0], seconds[1], StoreAtSize.commits(store));
        }

        /**
         * Rounds of {@code load} until the compilers of both services and of this JVM, which holds the store and the
         * clients, have settled during one ({@link JitWarmUp}). After each, the processors take what it appended
         * in, so that the next round does not pile onto a backlog, as the measured phases do not.
         */
        JitWarmUp.Result warmUp(JitWarmUp.Round load) throws Exception {
            return JitWarmUp.until(options.warmUpAtMost(), List.of(JitWarmUp.service(commandOperator),
                    JitWarmUp.service(queryOperator), JitWarmUp.thisJvm()), load, round -> await());
        }
    }

    /**
     * How long a phase waited for each service's processors to reach the head before it was measured, and how many
     * commits the store held then: the seeded incidents, and whatever the phases and warm-ups before it appended.
     */
    private record Waited(double commandSeconds, double querySeconds, long commits) {

        /** The row's columns, then the two waits and the commits in the store once they ended. */
        Object[] row(Object... namesAndValues) {
            Object[] row = Arrays.copyOf(namesAndValues, namesAndValues.length + 6);
            row[namesAndValues.length] = "command caught up after s";
            row[namesAndValues.length + 1] = commandSeconds;
            row[namesAndValues.length + 2] = "query caught up after s";
            row[namesAndValues.length + 3] = querySeconds;
            row[namesAndValues.length + 4] = "commits in store";
            row[namesAndValues.length + 5] = commits;
            return row;
        }
    }

    /** Search, counts and the risk view over HTTP, against a driver {@code find} and count of the same shape. */
    private void reads(Quiet quiet, Api analyst, MongoCollection<Document> incidentsView) throws Exception {
        Waited waited = quiet.await();
        LocalDate end = IncidentSeed.END;
        Map<String, String> paths = Map.of(
                "search", "/api/v1/incidents?route=" + IncidentSeed.ROUTE + "&limit=50",
                "counts", "/api/v1/incidents/counts?route=" + IncidentSeed.ROUTE,
                "risk view", "/api/v1/routes/" + IncidentSeed.ROUTE + "/risk?from=" + end.minusYears(1).plusDays(1)
                        + "&to=" + end + "&bucket=week");
        JitWarmUp.Result warm = quiet.warmUp(round -> {
            long until = System.nanoTime() + options.warmUp().toNanos();
            while (System.nanoTime() < until) {
                paths.values().forEach(path -> ok(analyst.get(path), path));
            }
        });
        Latencies rawFind = timed(() -> incidentsView.find(Filters.eq("routeAssignment.routeId", IncidentSeed.ROUTE))
                .sort(Sorts.descending("occurredFrom")).limit(50).into(new ArrayList<>()).size());
        Latencies rawCount = timed(() -> (int) incidentsView.countDocuments(
                Filters.eq("routeAssignment.routeId", IncidentSeed.ROUTE)));
        report.title("reads", "p50 and p99 over HTTP (one client, analyst), against a driver find (limit 50, sorted) "
                + "and count on the same filter of the same view, after a warm-up of the three reads in turn until "
                + "the JIT compilers settled");
        for (String read : List.of("search", "counts", "risk view")) {
            String path = paths.get(read);
            Latencies http = timed(() -> ok(analyst.get(path), read).status());
            Latencies limit = read.equals("counts") ? rawCount : rawFind;
            report.row("reads", waited.row(warm.after("read", read, "incidents", incidents, "p50 ms", http.p50(),
                    "p99 ms", http.p99(), "raw p50 ms", limit.p50(), "raw p99 ms", limit.p99(),
                    "p50 / raw p50", http.p50() / limit.p50(), "n", http.count())));
        }
        report.note("reads", "The raw limit of the risk view is the find on the incident view: the view itself reads "
                + "pre-aggregated buckets, so it has no raw query of the same shape.");
    }

    private static Api.Response ok(Api.Response answer, String read) {
        if (answer.status() != 200) {
            throw new IllegalStateException(read + " answered " + answer);
        }
        return answer;
    }

    private Latencies timed(Supplier<Integer> read) {
        for (int i = 0; i < Math.max(5, options.timedReads() / 5); i++) {
            read.get();
        }
        Latencies latencies = new Latencies();
        for (int i = 0; i < options.timedReads(); i++) {
            latencies.time(read);
        }
        return latencies;
    }

    /**
     * Reports per second with 1, 4 and 8 clients over HTTP, each rate and its raw limit from a quiet system; answers
     * the best rate, the maximum ingest.
     */
    private double httpAppend(Quiet quiet, Api monitor, RawLimit raw, String path) throws Exception {
        Throughput.Operation post = (thread, index) -> {
            Api.Response answer = monitor.post("/api/v1/incidents", Reports.kidnapping().build());
            if (answer.status() != 201) {
                throw new IllegalStateException("a report was answered " + answer.status());
            }
        };
        JitWarmUp.Result warm = quiet.warmUp(round -> Throughput.forDuration(8, options.warmUp(), post));
        double best = 0;
        for (int clients : options.httpClients()) {
            Waited waited = quiet.await();
            double reports = Throughput.forDuration(clients, options.measuring(), post);
            Waited drained = quiet.await();
            double rawRate = raw.insertManyRate(clients, options.measuring(), commitBytes);
            best = Math.max(best, reports);
            report.row("append", waited.row(warm.after("path", path, "incidents in store", incidents, "threads",
                    clients, "reports/s", reports, "raw insertMany docs/s", rawRate, "ratio to raw", reports / rawRate,
                    "document bytes", commitBytes, "command drain after s", drained.commandSeconds(),
                    "query drain after s", drained.querySeconds())));
        }
        return best;
    }

    /**
     * A steady load at {@code rate} reports per second; for every report, the time from its 201 to the moment a
     * read that waits for it ({@code minVersion=0}) answers 200. A read that gives up after its five seconds is
     * asked again, and the wait counts in full. Reports still queued a minute after the load ends are not sent:
     * the system did not sustain the load, and the row says how many.
     */
    private void liveLag(Quiet quiet, Api monitor, Api reader, double rate) throws Exception {
        Waited waited = quiet.await();
        Latencies lag = new Latencies();
        AtomicLong failures = new AtomicLong();
        AtomicLong planned = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = (long) (1e6 / Math.max(1, rate));
        try {
            pace.scheduleAtFixedRate(() -> {
                planned.incrementAndGet();
                clients.execute(() -> reportAndAwaitVisibility(monitor, reader, lag, failures));
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            pace.awaitTermination(options.liveLagLoad().toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pace.shutdownNow();
        }
        clients.shutdown();
        long notSent = 0;
        if (!clients.awaitTermination(1, TimeUnit.MINUTES)) {
            notSent = clients.shutdownNow().size();
            clients.awaitTermination(2, TimeUnit.MINUTES);
        }
        report.title("live-lag", "from a report's 201 to its visibility in the incident view (a read with "
                + "minVersion=0), under a steady load at half the best HTTP ingest measured just before");
        report.row("live-lag", waited.row("incidents in store", incidents, "load reports/s", rate, "seconds",
                options.liveLagLoad().toSeconds(), "p50 ms", lag.count() == 0 ? null : lag.p50(),
                "p99 ms", lag.count() == 0 ? null : lag.p99(), "max ms", lag.count() == 0 ? null : lag.maxMillis(),
                "n", lag.count(), "planned", planned.get(), "not sent (load not sustained)", notSent,
                "failed", failures.get()));
    }

    private static void reportAndAwaitVisibility(Api monitor, Api reader, Latencies lag, AtomicLong failures) {
        Api.Response created = monitor.post("/api/v1/incidents", Reports.kidnapping().build());
        long answered = System.nanoTime();
        if (created.status() != 201) {
            failures.incrementAndGet();
            return;
        }
        String path = "/api/v1/incidents/" + created.json().get("incidentId").asText() + "?minVersion=0";
        while (reader.get(path).status() != 200) {
            if (System.nanoTime() - answered > Duration.ofMinutes(1).toNanos()) {
                failures.incrementAndGet();
                return;
            }
        }
        lag.add(System.nanoTime() - answered);
    }

    /**
     * The whole store as the internal audience sees it, as an analyst: MB/s, time to the first byte of the body, and
     * query-service's heap sampled every 100 ms while it writes (its maximum is {@value #SERVICE_HEAP}); against the
     * driver reading the incident view, which the export reads, through one cursor right after.
     */
    private void export(Quiet quiet, RawLimit raw, int queryPort, Api operator, String format) throws Exception {
        Waited waited = quiet.await();
        HeapSampler heap = new HeapSampler(operator);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queryPort
                        + "/api/v1/exports/incidents?format=" + format + "&audience=internal"))
                .header("Authorization", basic("analyst")).timeout(Duration.ofHours(1)).GET().build();
        heap.start();
        long start = System.nanoTime();
        long firstByte = 0;
        long bytes = 0;
        long lines = 0;
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) > 0) {
                if (bytes == 0) {
                    firstByte = System.nanoTime();
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double peakMiB = heap.stop();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the " + format + " export answered " + response.statusCode());
        }
        RawLimit.CursorRead view = raw.cursorRead("incidents");
        double rate = bytes / 1e6 / seconds;
        report.title("exports", "the whole store as the internal audience sees it (analyst), query-service under "
                + SERVICE_HEAP + ", against one driver cursor over the incident view's documents (raw BSON)");
        report.row("exports", waited.row("format", format, "incidents in store", incidents, "MB", bytes / 1e6,
                "seconds", seconds, "MB/s", rate, "first byte ms", (firstByte - start) / 1e6, "lines", lines,
                "peak heap MiB (sampled)", peakMiB, "raw BSON MB", view.megabytes(), "raw s", view.seconds(),
                "raw MB/s", view.megabytesPerSecond(), "ratio to raw", rate / view.megabytesPerSecond()));
    }

    /** query-service's used heap, summed over its heap pools from its Prometheus scrape as the operator, every 100 ms. */
    private static final class HeapSampler {

        private final Api operator;
        // A daemon: an export that fails before stop() must not keep the harness's JVM alive after its results.
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private volatile double peakMiB;

        HeapSampler(Api operator) {
            this.operator = operator;
        }

        void start() {
            sampler.scheduleAtFixedRate(() -> {
                double used = PrometheusScrape.parse(operator.get("/actuator/prometheus").body())
                        .samples("jvm_memory_used_bytes").stream()
                        .filter(sample -> "heap".equals(sample.labels().get("area")))
                        .mapToDouble(PrometheusScrape.Sample::value).sum();
                peakMiB = Math.max(peakMiB, used / (1 << 20));
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        double stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            return peakMiB;
        }
    }

    /**
     * An MMP sample, uploaded and followed until it is done; against raw {@code insertMany} by one writer, right after
     * the projections have taken the import in, of as many documents as the import appended events, each the mean
     * size of an event's share of the import's commits.
     */
    private void mmpImport(Quiet quiet, RawLimit raw, Api analyst) throws IOException {
        byte[] csv;
        try (InputStream in = SystemAtSize.class.getResourceAsStream(options.quick() ? QUICK_MMP_SAMPLE : MMP_SAMPLE)) {
            csv = in.readAllBytes();
        }
        if (options.quick()) {
            csv = headerAndFirstRows(csv, QUICK_MMP_ROWS);
        }
        Waited waited = quiet.await();
        long before = raw.lastCommitPosition();
        long start = System.nanoTime();
        Api.Response accepted = analyst.send("POST", "/api/v1/imports/mmp", "text/csv", csv);
        if (accepted.status() != 202) {
            throw new IllegalStateException("the import answered " + accepted);
        }
        String path = "/api/v1/imports/" + accepted.json().get("importId").asText();
        JsonNode state = await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> analyst.get(path).json(),
                        answer -> !"RUNNING".equals(answer.path("state").asText("RUNNING")));
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = state.path("rowsRead").asLong();
        RawLimit.Appended appended = raw.appendedAfter(before);
        if (appended.events() == 0) {
            throw new IllegalStateException("the import appended nothing (state " + state.path("state").asText()
                    + ")");
        }
        Waited drained = quiet.await();
        double rawRate = raw.insertManyRateOf(appended.events(), appended.meanEventBytes());
        report.title("import", "the MMP sample of the tests, from the upload to the state DONE, against raw "
                + "insertMany (one writer) of one document per event the import appended, of an event's mean size");
        report.row("import", waited.row("incidents in store", incidents, "state", state.path("state").asText(),
                "rows", rows, "seconds", seconds, "rows/s", rows / seconds, "created", state.path("created").asLong(),
                "rejected", state.path("rejected").asLong(), "events", appended.events(),
                "commits", appended.commits(), "event bytes", appended.meanEventBytes(),
                "raw insertMany docs/s", rawRate, "ratio to raw", rows / seconds / rawRate,
                "command drain after s", drained.commandSeconds(), "query drain after s", drained.querySeconds()));
    }

    /** The header line and the {@code rows} lines after it, of a CSV file none of whose fields spans lines. */
    private static byte[] headerAndFirstRows(byte[] csv, int rows) {
        int lines = 0;
        for (int i = 0; i < csv.length; i++) {
            if (csv[i] == '\n' && ++lines == rows + 1) {
                return Arrays.copyOf(csv, i + 1);
            }
        }
        return csv;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** The checkout: where the harness runs from ({@code ops/bench/run}), or its parent (the ops module's tests). */
    static Path home() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("command-service")) ? here : here.getParent();
    }

    /** The port the environment gives (the engineer's own range), else any free one. */
    private static int port(String variable) throws IOException {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Integer.parseInt(configured.trim());
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
