package org.travesia.ops.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.travesia.command.CommandServiceApplication;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.ReportIncident;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.ops.EmbeddedStore;
import org.travesia.ops.LocalLauncher;
import org.travesia.platform.axon.CommandMetadata;
import org.travesia.platform.privacy.KeyedDigests;
import org.travesia.platform.processing.EventProcessorsEndpoint;
import org.travesia.platform.processing.admin.ProcessorAdministration;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The scenarios that run inside the harness's JVM on one durable embedded store ({@code ./ops/run}'s) of one size:
 * seeding it, the projections catching up from zero, and appending through the command gateway. The store is kept
 * for {@link SystemAtSize}, which starts the services on it as separate processes.
 */
final class StoreAtSize {

    static final String DATABASE = "travesia";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MIB = 1024.0 * 1024.0;

    private final BenchOptions options;
    private final BenchReport report;
    private final Path data;
    private final int incidents;

    StoreAtSize(BenchOptions options, BenchReport report, Path data, int incidents) {
        this.options = options;
        this.report = report;
        this.data = data;
        this.incidents = incidents;
    }

    /**
     * Answers the mean size of a report's commit in the event store, for the raw inserts that HTTP ingest is held to,
     * or 0 when no scenario of the run ingests over HTTP. The gateway phase measures it, after command-service's
     * processors have caught up from zero on the seeded store (at 100,000 incidents, many minutes), so a run that
     * needs neither skips it.
     */
    int run() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri(DATABASE))) {
            RawLimit raw = new RawLimit(client.getDatabase(DATABASE));
            seedAndCatchUp(store.uri(DATABASE), raw);
            if (!options.runs("append") && !options.runs(BenchOptions.CREDENTIAL_CACHE)) {
                return 0;
            }
            return gatewayAppend(store.uri(DATABASE), client.getDatabase(DATABASE), raw);
        }
    }

    /**
     * Every processor of query-service is paused on an empty store while the store is filled, then resumed: the time
     * until the last of them reaches the head is the catch-up from zero, start-up excluded.
     */
    private void seedAndCatchUp(String uri, RawLimit raw) throws Exception {
        try (RunningService queries = RunningService.start(QueryServiceApplication.builder(), uri, segmentsAsOpsRun())) {
            ProcessorAdministration processors = queries.bean(ProcessorAdministration.class);
            EventProcessingConfiguration configuration = queries.bean(EventProcessingConfiguration.class);
            List<String> names = new ArrayList<>(configuration.eventProcessors().keySet());
            // Paused while still starting, a processor was once left with no worker after its resume, and the
            // catch-up never ended: each is paused only once it runs, and resumed only once it has stopped.
            await().atMost(Duration.ofMinutes(2)).until(() -> names.stream().allMatch(name ->
                    configuration.eventProcessor(name).map(EventProcessor::isRunning).orElse(false)));
            names.forEach(processors::pause);
            await().atMost(Duration.ofMinutes(2)).until(() -> names.stream().noneMatch(name ->
                    configuration.eventProcessor(name).map(EventProcessor::isRunning).orElse(true)));
            long seedStart = System.nanoTime();
            long events = IncidentSeed.fill(queries.bean(EventStore.class), incidents);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            double cpuBefore = MachineFacts.processCpuSeconds();
            names.forEach(processors::resume);
            var status = new ProcessorsCaughtUp.EachProcessor(processorsOf(queries));
            double seconds = ProcessorsCaughtUp.secondsUntil(options.catchUpLimit(), status)[0];
            double cpuSeconds = MachineFacts.processCpuSeconds() - cpuBefore;
            if (!options.runs("catch-up")) {
                return;
            }
            // Before the raw limit writes its own documents; theirs are left out of the documents' size, read after
            // the limit so that its pass over the whole store does not warm what the limit reads.
            double fileMiB = BenchFiles.bytesUnder(data) / MIB;
            int historyBytes = raw.meanDocumentBytes("incident_history");
            int incidentBytes = raw.meanDocumentBytes("incidents");
            double rawSeconds = raw.readAndWriteSeconds(events, incidents, historyBytes, incidentBytes);
            double documentsMiB = raw.documentBytesOfTheSystem() / MIB;
            report.title("catch-up", "every query-service processor from zero to the head, against a raw read of the "
                    + "events plus a raw write of the view documents");
            report.row("catch-up", "incidents", incidents, "events", events, "seconds", seconds,
                    "events/s", events / seconds, "µs/event", seconds * 1e6 / events,
                    "raw read+write s", rawSeconds, "raw events/s", events / rawSeconds,
                    "ratio to raw", rawSeconds / seconds, "CPU s", cpuSeconds,
                    "CPU µs/event", cpuSeconds * 1e6 / events, "processors", names.size(),
                    "seeded events/s", events / seedSeconds, "caught up s, per processor", status.seconds(),
                    "store file MiB", fileMiB, "documents MiB", documentsMiB);
        }
    }

    /** The segments per processor that {@code ./ops/run} gives the embedded store, or the environment's, as it would. */
    private static String segmentsAsOpsRun() {
        String configured = System.getenv(LocalLauncher.PROCESSING_SEGMENTS);
        return "travesia.processing.segments="
                + (configured == null || configured.isBlank() ? LocalLauncher.EMBEDDED_STORE_SEGMENTS : configured.trim());
    }

    /** The answer of a service's {@code eventprocessors} endpoint in this JVM, as it reads over HTTP. */
    private static Callable<JsonNode> processorsOf(RunningService service) {
        EventProcessorsEndpoint endpoint = service.bean(EventProcessorsEndpoint.class);
        return () -> JSON.valueToTree(endpoint.processors());
    }

    /**
     * Reports sent through command-service's gateway, in its JVM, with no HTTP, against raw {@code insertMany}.
     * Measured in steady state: command-service's own processors (route assignment, alerts, ...) start from zero on
     * the seeded store, and the warm-up, every rate and every raw limit wait until they are at the head again, so that
     * none of them competes with a catch-up. The first of those waits is command-service's catch-up from zero.
     */
    private int gatewayAppend(String uri, MongoDatabase database, RawLimit raw) throws Exception {
        try (RunningService commands = RunningService.start(CommandServiceApplication.builder(), uri, segmentsAsOpsRun())) {
            Callable<JsonNode> processors = processorsOf(commands);
            double commandCatchUp = ProcessorsCaughtUp.secondsUntil(options.catchUpLimit(), processors)[0];
            CommandGateway gateway = commands.bean(CommandGateway.class);
            KeyedDigests digests = commands.bean(KeyedDigests.class);
            Actor monitor = new Actor("monitor", "local", Set.of(Role.MONITOR));
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> sample = new CopyOnWriteArrayList<>();
            Throughput.Operation send = (thread, index) -> {
                ReportIncident command = reportCommand(digests, run + "-" + thread + "-" + index, index);
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .withMetaData(CommandMetadata.of(monitor)));
                if (sample.size() < 100) {
                    sample.add(command.incidentId() + "#0");
                }
            };
            JitWarmUp.Result warm = JitWarmUp.until(options.warmUpAtMost(), List.of(JitWarmUp.thisJvm()),
                    round -> Throughput.forDuration(4, options.warmUp(),
                            (thread, index) -> send.run(100 * (round + 1) + thread, index)),
                    round -> ProcessorsCaughtUp.secondsUntil(options.catchUpLimit(), processors));
            int commitBytes = raw.meanDocumentBytes("events", Filters.in("aggregateKeys", sample));
            if (!options.runs("append")) {
                return commitBytes;
            }
            report.title("append", "reports appended, through the gateway (in-process) and over HTTP (separate "
                    + "processes, as ./ops/run starts them), against raw insertMany of documents of a report's commit "
                    + "size into the same store; every rate and raw limit starts with the services' processors at the "
                    + "head");
            for (int threads : options.gatewayThreads()) {
                ProcessorsCaughtUp.secondsUntil(options.catchUpLimit(), processors);
                long commits = commits(database);
                double reports = Throughput.forDuration(threads, options.measuring(), send);
                double drained = ProcessorsCaughtUp.secondsUntil(options.catchUpLimit(), processors)[0];
                double rawRate = raw.insertManyRate(threads, options.measuring(), commitBytes);
                report.row("append", warm.after("path", "gateway", "incidents in store", incidents, "threads",
                        threads, "reports/s", reports, "raw insertMany docs/s", rawRate, "ratio to raw",
                        reports / rawRate, "document bytes", commitBytes, "command catch-up from zero s",
                        commandCatchUp, "command drain after s", drained, "commits in store", commits));
            }
            return commitBytes;
        }
    }

    /** The commits in the event store: the seeded incidents, and whatever phases and warm-ups appended since. */
    static long commits(MongoDatabase database) {
        return database.getCollection("events").estimatedDocumentCount();
    }

    private static ReportIncident reportCommand(KeyedDigests digests, String reportId, int index) {
        IncidentDetails details = new IncidentDetails(IncidentType.KIDNAPPING, null,
                OccurredAt.onDay(LocalDate.of(2026, 1, 1).plusDays(index % 300)), null, Place.inCountry("PA"),
                IncidentSeed.ROUTE, null, null, List.of("VE", "HT"), null, null, null,
                "Group of 14 stopped at the river crossing; two men taken.", null);
        return new ReportIncident(UUID.randomUUID().toString(), "local", "monitor", reportId,
                digests.fingerprintOf("incident-report", details, SharingLevel.NETWORK), details, SharingLevel.NETWORK);
    }
}
