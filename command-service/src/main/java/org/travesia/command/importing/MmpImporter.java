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
import org.travesia.platform.privacy.KeyedDigests;

import jakarta.annotation.PreDestroy;

/**
 * Runs MMP imports: the checked file's rows, in file order, become one command per MMP incident, sent by a small
 * pool of threads ({@value #SENDERS}) so that loading one incident overlaps writing another. The rows of a split
 * incident are held until the last of them is read (the check counted them), then sent as one. Counts go to
 * {@link ImportProgress} every {@value #WRITE_EVERY_MS} ms and at the end.
 * <p>
 * Incident ids are keyed digests of the importing organisation and the MMP key: the same MMP incident imported by
 * one organisation is always the same incident, and two organisations importing the same file get one incident
 * each, each theirs to curate and share (so a count across organisations counts it once per organisation that
 * shared it). The ids cannot be recomputed from the public file by anyone without the server's key.
 */
@Component
class MmpImporter {

    static final int SENDERS = 4;
    private static final int IN_FLIGHT = 64;
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
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        MmpIncidentMapper mapper = new MmpIncidentMapper(routes::hasRoute);
        MetaData metadata = MetaData.from(Map.of(MetadataKeys.USER, request.actor().user(),
                MetadataKeys.ORGANISATION, request.actor().organisation(), MetadataKeys.CLIENT, request.client(),
                MetadataKeys.CORRELATION_ID, importId));
        Map<String, List<MmpFile.Row>> splitParts = new HashMap<>();
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
                List<MmpFile.Row> incident = rows;
                inFlight.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        importOne(key, incident, checked, mapper, request, metadata, tally);
                    } finally {
                        inFlight.release();
                    }
                });
            });
            senders.shutdown();
            senders.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            flushing.cancel(false);
            progress.write(importId, tally.take(), "DONE");
            ImportTally.Snapshot last = tally.take();
            log.info("MMP import {} done: {} rows read, {} created, {} updated, {} unchanged, {} rejected", importId,
                    last.rowsRead(), last.created(), last.updated(), last.unchanged(), last.rejected());
        } catch (RuntimeException | InterruptedException e) {
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

    private void importOne(String key, List<MmpFile.Row> rows, MmpFile.Checked checked, MmpIncidentMapper mapper,
                           Request request, MetaData metadata, ImportTally tally) {
        MmpIncidentMapper.Result result = mapper.map(key, rows, checked.columns(), checked.layout());
        if (result instanceof MmpIncidentMapper.Rejected rejected) {
            tally.rejected(rejected.reasons());
            return;
        }
        MmpIncidentMapper.Mapped mapped = (MmpIncidentMapper.Mapped) result;
        String organisation = request.actor().organisation();
        ImportMmpIncident command = new ImportMmpIncident(incidentId(organisation, key), key, mapped.facts(),
                mapped.record(), request.sharing(), request.revisionOf(), request.actor());
        try {
            tally.done(rows.size(), send(command, metadata), mapped.quirks());
        } catch (RuntimeException e) {
            Map<Long, String> reasons = new java.util.LinkedHashMap<>();
            rows.forEach(row -> reasons.put(row.line(), "import.row.not-recorded"));
            log.warn("MMP row of incident {} not recorded: {}", command.incidentId(), e.getClass().getName());
            tally.rejected(reasons);
        }
    }

    /** A route derivation may land on the same incident meanwhile; the command is sent again on that conflict. */
    private ImportMmpIncident.Outcome send(ImportMmpIncident command, MetaData metadata) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(metadata);
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(message);
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
