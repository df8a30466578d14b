package org.travesia.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Place;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFactsMapper;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.ops.EmbeddedStore;
import org.travesia.ops.store.DurableH2Backend;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectSealer;
import org.travesia.platform.processing.admin.ProcessorAdministration;
import org.travesia.platform.testing.RunningService;
import org.travesia.query.QueryServiceApplication;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The figures behind the README's "Scaling" section, measured on the durable embedded store of the machine it runs
 * on ({@code ops/bench/scaling}):
 * <ul>
 * <li>the global-position allocator alone ({@code findOneAndUpdate} with {@code $inc} on one counter document, as
 * {@code PositionAllocator} does it) against raw {@code insertOne}, at 1, 4 and 16 concurrent writers: is the
 * allocator the limit of appending?</li>
 * <li>how fast the incident projection applies events, live and in a replay, and what each incident, history entry
 * and commit weighs in the store: how long a replay takes and how the read models grow;</li>
 * <li>how long an online backup holds writes back, against the store's size.</li>
 * </ul>
 * It is not a test and never runs in CI.
 */
public final class ScalingMeasurements {

    private static final Duration RUN = Duration.ofSeconds(4);
    private static final int INCIDENTS = 3_000;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("travesia-scaling");
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.uri("bench"))) {
            MongoDatabase bench = client.getDatabase("bench");
            allocatorAgainstInserts(bench);
            projectionAndSizes(store, client);
            backups(client, data);
        }
    }

    private static void allocatorAgainstInserts(MongoDatabase database) throws Exception {
        MongoCollection<Document> counters = database.getCollection("event_counters");
        MongoCollection<Document> inserts = database.getCollection("raw_inserts");
        String payload = "x".repeat(600);
        System.out.println("\nallocator vs raw insertOne (durable embedded store, " + RUN.toSeconds() + " s each):");
        System.out.println("| writers | allocations/s | raw insertOne/s | allocator / insert |");
        System.out.println("|---|---|---|---|");
        for (int writers : List.of(1, 4, 16)) {
            double allocations = rate(writers, () -> counters.findOneAndUpdate(Filters.eq("_id", "global"),
                    Updates.inc("last", 1L),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)));
            double insertsPerSecond = rate(writers, () -> inserts.insertOne(new Document("_id", UUID.randomUUID()
                    .toString()).append("payload", payload)));
            System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |%n", writers, allocations, insertsPerSecond,
                    allocations / insertsPerSecond);
        }
    }

    /** Operations per second that {@code writers} threads complete together in {@link #RUN}, after a warm-up. */
    private static double rate(int writers, Runnable operation) throws Exception {
        for (int i = 0; i < 200; i++) {
            operation.run();
        }
        return Throughput.forDuration(writers, RUN, (thread, index) -> operation.run());
    }

    private static void projectionAndSizes(EmbeddedStore store, MongoClient client) throws Exception {
        try (RunningService queries = RunningService.start(QueryServiceApplication.builder(), store.uri("travesia"))) {
            EventStore events = queries.bean(EventStore.class);
            PersonalDataCipher cipher = queries.bean(PersonalDataCipher.class);
            MongoDatabase travesia = client.getDatabase("travesia");
            long start = System.nanoTime();
            for (int i = 0; i < INCIDENTS; i++) {
                String id = "incident-" + i;
                MetaData metaData = MetaData.with(MetadataKeys.USER, "monitor-" + (i % 50))
                        .and(MetadataKeys.ORGANISATION, "org-" + (i % 20)).and(MetadataKeys.CLIENT, "bench/1")
                        .and(MetadataKeys.CORRELATION_ID, UUID.randomUUID().toString());
                // Free text is sealed as command-service seals it: the store refuses plaintext personal data.
                SubjectSealer sealer = cipher.sealerFor(DataSubject.incident(id));
                events.publish(new GenericDomainEventMessage<>("Incident", id, 0, reported(id, i, sealer), metaData),
                        new GenericDomainEventMessage<>("Incident", id, 1, amended(id, i, sealer), metaData),
                        new GenericDomainEventMessage<>("Incident", id, 2,
                                new IncidentVerified(id, sealer.seal("note", "checked")), metaData));
            }
            double appended = (System.nanoTime() - start) / 1e9;
            long expected = 3L * INCIDENTS;
            awaitHistory(travesia, expected);
            double live = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%nprojection: %,d events (%,d incidents) appended in %.1f s, projected "
                    + "live by %.1f s (%,.0f events/s end to end)%n", expected, INCIDENTS, appended, live,
                    expected / live);

            long replayStart = System.nanoTime();
            queries.bean(ProcessorAdministration.class).replay("incidents");
            awaitHistory(travesia, expected);
            double replay = (System.nanoTime() - replayStart) / 1e9;
            System.out.printf(Locale.ROOT, "replay of the incident projection: %,d events in %.1f s = %,.0f events/s%n",
                    expected, replay, expected / replay);

            System.out.println("\nstored size (BSON bytes, mean):");
            for (String collection : List.of("events", "incidents", "incident_history", "tracking_tokens")) {
                long count = 0;
                long bytes = 0;
                for (RawBsonDocument document : travesia.getCollection(collection, RawBsonDocument.class).find()) {
                    count++;
                    bytes += document.getByteBuffer().remaining();
                }
                System.out.printf(Locale.ROOT, "| %s | %,d documents | %,d bytes each |%n", collection, count,
                        count == 0 ? 0 : bytes / count);
            }
        }
    }

    /** Returns once the history holds {@code entries}, looking every 200 ms: how long that takes is the measurement. */
    private static void awaitHistory(MongoDatabase travesia, long entries) {
        Awaitility.await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> travesia.getCollection("incident_history").countDocuments() >= entries);
    }

    private static void backups(MongoClient client, Path data) {
        MongoCollection<Document> filler = client.getDatabase("bench").getCollection("filler");
        String kilobyte = "y".repeat(1024);
        System.out.println("\nonline backup (writes held while the file is read):");
        System.out.println("| store file | writes held | whole backup |");
        System.out.println("|---|---|---|");
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            Document taken = client.getDatabase("admin").runCommand(new Document(DurableH2Backend.BACKUP_COMMAND, 1));
            double total = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "| %,d MB | %.0f ms | %.0f ms |%n",
                    ((Number) taken.get("bytes")).longValue() >> 20,
                    ((Number) taken.get("writesHeldMillis")).doubleValue(), total);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 60_000; i++) {
                batch.add(new Document("_id", UUID.randomUUID().toString()).append("payload", kilobyte));
                if (batch.size() == 1_000) {
                    filler.insertMany(batch);
                    batch.clear();
                }
            }
        }
        System.out.println("(backups written to " + data.resolve(DurableH2Backend.BACKUP_DIRECTORY) + ")");
    }

    private static IncidentReported reported(String id, int i, SubjectSealer sealer) {
        IncidentDetails details = new IncidentDetails(IncidentType.values()[i % IncidentType.values().length], null,
                OccurredAt.onDay(LocalDate.of(2026, 1, 1).plusDays(i % 300)), null, Place.inCountry("PA"),
                i % 3 == 0 ? "darien" : "us-mexico", null, null, List.of("VE", "HT"), null, null, null,
                "Group stopped at the river crossing; " + i + " people taken.", null);
        return new IncidentReported(id, "org-" + (i % 20), "monitor-" + (i % 50), "r-" + i, "fp-" + i,
                sealer.sealRecord(IncidentFactsMapper.toFacts(details)), "NETWORK");
    }

    private static IncidentAmended amended(String id, int i, SubjectSealer sealer) {
        IncidentFacts changes = new IncidentFacts(null, null, null, null, null, null, null, null,
                new IncidentFacts.Affected(1, i % 5, null, null, null, null, null, null), null, null, null, null,
                null, null);
        return new IncidentAmended(id, sealer.sealRecord(changes), List.of("affected"),
                sealer.seal("reason", "family confirmed"));
    }
}
