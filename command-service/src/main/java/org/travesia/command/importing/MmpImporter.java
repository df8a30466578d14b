package org.travesia.command.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.travesia.command.route.api.RouteDirectory;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.ImportMmpIncident;
import org.travesia.kernel.incident.ImportMmpIncidents;
import org.travesia.platform.privacy.KeyedDigests;

import jakarta.annotation.PreDestroy;

/**
 * Runs MMP imports: the checked file's rows, in file order, become one sync per MMP incident, sent in batches of
 * {@value #BATCH} incidents ({@link ImportMmpIncidents}: one unit of work, one commit) by a small pool of threads
 * ({@value #SENDERS}) so that loading one batch overlaps writing another. On the embedded store every acknowledged
 * write waits for the disk; one command per incident made three such writes per row (its key, its position, its
 * commit) and held the import at 20 to 30 rows/s, where a batch makes three per {@value #BATCH} incidents. A batch that
 * fails (an incident refused, a conflict with a route derivation) is sent again one incident at a time, so a failure
 * costs only the incidents it concerns. The rows of a split incident are held until the last of them is read (the
 * check counted them), then sent as one. Counts go to {@link ImportProgress} every {@value #WRITE_EVERY_MS} ms and at
 * the end.
 * <p>
 * Incident ids are keyed digests of the importing organisation and the MMP key: the same MMP incident imported by
 * one organisation is always the same incident, and two organisations importing the same file get one incident
 * each, each theirs to curate and share (so a count across organisations counts it once per organisation that
 * shared it). The ids cannot be recomputed from the public file by anyone without the server's key.
 */
@Component
class MmpImporter {

    static final int SENDERS = 4;
    static final int BATCH = 50;
    /** Batches read ahead of the senders: enough to keep them busy, few enough to bound what a file holds in memory. */
    private static final int IN_FLIGHT = 2 * SENDERS;
    private static final long WRITE_EVERY_MS = 500;
    private static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(MmpImporter.class);

    private final CommandGateway commands;
    private final ImportProgress progress;
    private final KeyedDigests digests;
    private final RouteDirectory routes;
    private final ExecutorService imports = Executors.newFixedThreadPool(2, named("mmp-import"));
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(named("mmp-progress"));

    MmpImporter(CommandGateway commands, ImportProgress progress, KeyedDigests digests, RouteDirectory routes) {
        this.commands = commands;
        this.progress = progress;
        this.digests = digests;
        this.routes = routes;
    }

    /** What an import is asked to do, besides the file. */
    record Request(Actor actor, SharingLevel sharing, String revisionOf, String client) {
    }

    /**
     * Starts importing a file that passed its check, and answers the import's id at once. The file is deleted when
     * the import ends.
     */
    String start(Path file, MmpFile.Checked checked, Request request) {
        String importId = UUID.randomUUID().toString();
        progress.started(importId, request.actor().organisation(), request.actor().user(), checked.layout(),
                checked.rows(), request.revisionOf());
        imports.execute(() -> run(importId, file, checked, request));
        return importId;
    }

    String incidentId(String organisation, String mmpKey) {
        return digests.uuid("mmp-incident-id", organisation, mmpKey);
    }

    private void run(String importId, Path file, MmpFile.Checked checked, Request request) {
        ImportTally tally = new ImportTally();
        if (checked.byteOrderMark()) {
            tally.fileQuirk(MmpQuirk.BYTE_ORDER_MARK);
        }
        var flushing = writer.scheduleWithFixedDelay(() -> progress.write(importId, tally.take(), "RUNNING"),
                WRITE_EVERY_MS, WRITE_EVERY_MS, TimeUnit.MILLISECONDS);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS, named("mmp-send"));
        // A handful of MMP routes, each looked up once per import rather than once per row.
        Map<String, Boolean> routesFound = new java.util.concurrent.ConcurrentHashMap<>();
        MmpIncidentMapper mapper = new MmpIncidentMapper(route -> routesFound.computeIfAbsent(route, routes::hasRoute));
        MetaData metadata = MetaData.from(Map.of(MetadataKeys.USER, request.actor().user(),
                MetadataKeys.ORGANISATION, request.actor().organisation(), MetadataKeys.CLIENT, request.client(),
                MetadataKeys.CORRELATION_ID, importId));
        Map<String, List<MmpFile.Row>> splitParts = new HashMap<>();
        BatchFeed feed = new BatchFeed(senders, batch -> importBatch(batch, checked, mapper, request, metadata, tally));
        try {
            new MmpFile(file).forEachRow(row -> {
                String key = MmpRows.key(row.record(), checked.columns());
                if (key == null) {
                    tally.rejected(Map.of(row.line(), "import.row.no-id"));
                    return;
                }
                List<MmpFile.Row> rows = List.of(row);
                int expected = checked.rowsPerKey().getOrDefault(key, 1);
                if (expected > 1) {
                    List<MmpFile.Row> parts = splitParts.computeIfAbsent(key, k -> new ArrayList<>());
                    parts.add(row);
                    if (parts.size() < expected) {
                        return;
                    }
                    rows = splitParts.remove(key);
                }
                feed.add(new PendingIncident(key, rows));
            });
            feed.flush();
            senders.shutdown();
            senders.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            flushing.cancel(false);
            // On the writer's own thread, after any write of the counts already under way: the last word is DONE.
            writer.submit(() -> progress.write(importId, tally.take(), "DONE")).get();
            ImportTally.Snapshot last = tally.take();
            log.info("MMP import {} done: {} rows read, {} created, {} updated, {} unchanged, {} rejected", importId,
                    last.rowsRead(), last.created(), last.updated(), last.unchanged(), last.rejected());
        } catch (RuntimeException | InterruptedException | java.util.concurrent.ExecutionException e) {
            // Ids and the failure's type only: a message may quote the file.
            log.error("MMP import {} failed: {}", importId, e.getClass().getName());
            flushing.cancel(false);
            senders.shutdownNow();
            progress.write(importId, tally.take(), "RUNNING");
            progress.failed(importId, "import.failed");
        } finally {
            delete(file);
        }
    }

    /** One MMP incident's rows, read and waiting for their batch. */
    private record PendingIncident(String key, List<MmpFile.Row> rows) {
    }

    /**
     * Incidents as the file gives them, handed to the senders {@value #BATCH} at a time; the reading waits while
     * {@value #IN_FLIGHT} batches are not done, so a large file is never all in memory.
     */
    private static final class BatchFeed {

        private final ExecutorService senders;
        private final java.util.function.Consumer<List<PendingIncident>> importBatch;
        private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
        private List<PendingIncident> filling = new ArrayList<>();

        BatchFeed(ExecutorService senders, java.util.function.Consumer<List<PendingIncident>> importBatch) {
            this.senders = senders;
            this.importBatch = importBatch;
        }

        void add(PendingIncident incident) {
            filling.add(incident);
            if (filling.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (filling.isEmpty()) {
                return;
            }
            List<PendingIncident> batch = filling;
            filling = new ArrayList<>();
            inFlight.acquireUninterruptibly();
            senders.execute(() -> {
                try {
                    importBatch.accept(batch);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    /** A mapped incident's command, and the rows it came from. */
    private record Mapped(ImportMmpIncident command, List<MmpFile.Row> rows, Map<MmpQuirk, Integer> quirks) {
    }

    private void importBatch(List<PendingIncident> batch, MmpFile.Checked checked, MmpIncidentMapper mapper,
                             Request request, MetaData metadata, ImportTally tally) {
        List<Mapped> mapped = new ArrayList<>(batch.size());
        for (PendingIncident incident : batch) {
            MmpIncidentMapper.Result result = mapper.map(incident.key(), incident.rows(), checked.columns(),
                    checked.layout());
            if (result instanceof MmpIncidentMapper.Rejected rejected) {
                tally.rejected(rejected.reasons());
            } else {
                MmpIncidentMapper.Mapped facts = (MmpIncidentMapper.Mapped) result;
                mapped.add(new Mapped(new ImportMmpIncident(incidentId(request.actor().organisation(),
                        incident.key()), incident.key(), facts.facts(), facts.record(), request.sharing(),
                        request.revisionOf(), request.actor()), incident.rows(), facts.quirks()));
            }
        }
        if (mapped.isEmpty()) {
            return;
        }
        List<ImportMmpIncident.Outcome> outcomes;
        try {
            outcomes = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new ImportMmpIncidents(mapped.stream().map(Mapped::command).toList())).withMetaData(metadata));
            if (outcomes == null || outcomes.size() != mapped.size()) {
                // An interrupted wait answers nothing: what became of the batch is not known, so it is not counted
                // as done; sent again one by one, each incident is counted for what it gets.
                throw new IllegalStateException("No outcome for the batch");
            }
        } catch (RuntimeException batchFailed) {
            log.info("MMP batch of {} incidents not recorded as one ({}); sending them one by one", mapped.size(),
                    batchFailed.getClass().getName());
            mapped.forEach(incident -> importOne(incident, metadata, tally));
            return;
        }
        for (int i = 0; i < mapped.size(); i++) {
            tally.done(mapped.get(i).rows().size(), outcomes.get(i), mapped.get(i).quirks());
        }
    }

    private void importOne(Mapped incident, MetaData metadata, ImportTally tally) {
        try {
            tally.done(incident.rows().size(), send(incident.command(), metadata), incident.quirks());
        } catch (RuntimeException e) {
            Map<Long, String> reasons = new java.util.LinkedHashMap<>();
            incident.rows().forEach(row -> reasons.put(row.line(), "import.row.not-recorded"));
            log.warn("MMP row of incident {} not recorded: {}", incident.command().incidentId(),
                    e.getClass().getName());
            tally.rejected(reasons);
        }
    }

    /** A route derivation may land on the same incident meanwhile; the command is sent again on that conflict. */
    private ImportMmpIncident.Outcome send(ImportMmpIncident command, MetaData metadata) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(metadata);
        for (int attempt = 1; ; attempt++) {
            try {
                ImportMmpIncident.Outcome outcome = commands.sendAndWait(message);
                if (outcome == null) {
                    // An interrupted wait: the incident is not counted as recorded when that is not known.
                    throw new IllegalStateException("No outcome for " + command.incidentId());
                }
                return outcome;
            } catch (ConcurrencyException | AggregateStreamCreationException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete an import's upload: {}", e.getClass().getName());
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        imports.shutdownNow();
        writer.shutdownNow();
    }
}
