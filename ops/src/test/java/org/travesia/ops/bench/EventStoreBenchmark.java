package org.travesia.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.travesia.ops.EmbeddedStore;
import org.travesia.platform.axon.SerializationConfiguration;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.MongoEventStorageEngine;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.h2.mvstore.MVStore;

/**
 * Measures the event store on the machine it runs on, side by side in one run:
 * <ul>
 * <li>append: commits per second through the engine, against raw {@code insertOne} of a same-sized document into the
 * same store (the ratio is the engine's overhead: the position allocation and the index on positions);</li>
 * <li>catch-up: how long a tracking reader takes from the tail to the head, at several store sizes, to show whether
 * the cost per event stays flat as the store grows.</li>
 * </ul>
 * Run it with {@code ops/bench/event-store [memory|h2|h2-stock] [sizes...]}, or {@code ops/bench/event-store
 * durability} for the append rates of the embedded store before and after it was made durable, side by side in one
 * run: {@code h2-stock} is mongo-java-server's H2 backend as the launcher used it before (MVStore's background commit
 * every 200 ms, answers before anything is on disk), {@code h2} is today's {@link EmbeddedStore} (group commit, fsync
 * before every answer). It is not a unit test and never runs in CI.
 */
public final class EventStoreBenchmark {

    private static final int APPEND_COMMITS = 5_000;
    private static final int WRITERS = 4;
    private static final int INSERT_MANY_BATCH = 100;
    private static final List<Integer> DURABILITY_WRITERS = List.of(4, 16);
    private static final int DURABILITY_CATCH_UP = 20_000;
    private static final int FILL_EVENTS_PER_COMMIT = 10;

    @Revision("1")
    record Observed(String incidentId, long step, String note) {
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "memory";
        if ("durability".equals(backend)) {
            compareDurability();
            return;
        }
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, java %s, backend %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), backend);
        try (Store store = Store.start(backend)) {
            appendRates(store, WRITERS);
        }
        for (int size : sizes) {
            try (Store store = Store.start(backend)) {
                catchUp(store, size);
            }
        }
    }

    /**
     * Before and after, alternating, so that both see the same machine at (nearly) the same time, after a warm-up of
     * both so that neither pays for the JIT.
     */
    private static void compareDurability() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        for (String backend : List.of("h2-stock", "h2")) {
            try (Store store = Store.start(backend)) {
                MongoEventStorageEngine engine = store.engine();
                Throughput.ofCount(WRITERS, APPEND_COMMITS, (writer, i) -> engine.appendEvents(List.of(event("warm" + writer + "-" + i, 0))));
            }
        }
        for (int writers : DURABILITY_WRITERS) {
            for (String backend : List.of("h2-stock", "h2")) {
                try (Store store = Store.start(backend)) {
                    System.out.printf(Locale.ROOT, "%s:%n", "h2".equals(backend)
                            ? "h2, durable (group commit, fsync before answering)"
                            : "h2-stock (background commit every 200 ms, answers before the disk)");
                    appendRates(store, writers);
                }
            }
        }
        for (String backend : List.of("h2-stock", "h2")) {
            try (Store store = Store.start(backend)) {
                System.out.printf(Locale.ROOT, "%s: ", backend);
                catchUp(store, DURABILITY_CATCH_UP);
            }
        }
    }

    private static void appendRates(Store store, int writers) throws Exception {
        MongoCollection<Document> raw = store.database.getCollection("raw_inserts").withWriteConcern(WriteConcern.ACKNOWLEDGED);
        MongoCollection<Document> rawMany = store.database.getCollection("raw_insert_many").withWriteConcern(WriteConcern.ACKNOWLEDGED);
        String payload = "x".repeat(600);
        double rawRate = Throughput.ofCount(writers, APPEND_COMMITS, (writer, i) ->
                raw.insertOne(new Document("_id", writer + "-" + i).append("payload", payload)));
        double rawManyRate = INSERT_MANY_BATCH * Throughput.ofCount(writers, APPEND_COMMITS / INSERT_MANY_BATCH, (writer, i) -> {
            List<Document> batch = new ArrayList<>(INSERT_MANY_BATCH);
            for (int d = 0; d < INSERT_MANY_BATCH; d++) {
                batch.add(new Document("_id", writer + "-" + i + "-" + d).append("payload", payload));
            }
            rawMany.insertMany(batch);
        });
        MongoEventStorageEngine engine = store.engine();
        double engineRate = Throughput.ofCount(writers, APPEND_COMMITS, (writer, i) ->
                engine.appendEvents(List.of(event("w" + writer + "-" + i, 0))));
        double engineRate3 = Throughput.ofCount(writers, APPEND_COMMITS, (writer, i) -> engine.appendEvents(List.of(
                event("t" + writer + "-" + i, 0), event("t" + writer + "-" + i, 1), event("t" + writer + "-" + i, 2))));
        System.out.printf(Locale.ROOT, "append, %d writers, %d commits each run:%n", writers, APPEND_COMMITS);
        System.out.printf(Locale.ROOT, "  raw insertOne (600-byte doc):  %8.0f docs/s%n", rawRate);
        System.out.printf(Locale.ROOT, "  raw insertMany (batches of %d): %7.0f docs/s%n", INSERT_MANY_BATCH, rawManyRate);
        System.out.printf(Locale.ROOT, "  engine, 1 event per commit:    %8.0f commits/s = %8.0f events/s  (%.2f of raw)%n",
                engineRate, engineRate, engineRate / rawRate);
        System.out.printf(Locale.ROOT, "  engine, 3 events per commit:   %8.0f commits/s = %8.0f events/s  (%.2f of raw)%n",
                engineRate3, engineRate3 * 3, engineRate3 / rawRate);
    }

    private static void catchUp(Store store, int events) throws Exception {
        MongoEventStorageEngine engine = store.engine();
        long fillStart = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        int commits = events / FILL_EVENTS_PER_COMMIT;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> fills = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            fills.add(pool.submit(() -> {
                int c;
                while ((c = next.getAndIncrement()) < commits) {
                    List<DomainEventMessage<?>> commit = new ArrayList<>();
                    for (int s = 0; s < FILL_EVENTS_PER_COMMIT; s++) {
                        commit.add(event("fill-" + c, s));
                    }
                    engine.appendEvents(commit);
                }
            }));
        }
        for (Future<?> fill : fills) {
            fill.get();
        }
        pool.shutdown();
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        long start = System.nanoTime();
        long read = engine.readEvents(null, false).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (read != events) {
            throw new IllegalStateException("Read " + read + " of " + events + " events");
        }
        System.out.printf(Locale.ROOT, "catch-up %9d events: %7.2f s = %8.0f events/s = %6.1f µs/event   (filled in %.1f s)%n",
                events, seconds, events / seconds, seconds * 1e6 / events, fillSeconds);
    }

    private static DomainEventMessage<Observed> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Incident", aggregate, sequence,
                new Observed(aggregate, sequence, "An observation of typical size for a protection report field note."));
    }

    /** A fresh embedded store, in memory or on disk (the local default), with a client and an engine. */
    private record Store(AutoCloseable server, MongoClient client, MongoDatabase database, Serializer serializer)
            implements AutoCloseable {

        static Store start(String backend) throws Exception {
            String uri;
            AutoCloseable server;
            if ("h2".equals(backend)) {
                Path data = Files.createTempDirectory("travesia-bench");
                EmbeddedStore store = EmbeddedStore.start(data, "127.0.0.1", 0);
                uri = store.uri("bench");
                server = () -> {
                    store.close();
                    BenchFiles.deleteRecursively(data);
                };
            } else if ("h2-stock".equals(backend)) {
                Path data = Files.createTempDirectory("travesia-bench");
                MVStore mvStore = new MVStore.Builder().fileName(data.resolve("stock.mv").toString()).open();
                mvStore.setAutoCommitDelay(200);
                MongoServer stock = new MongoServer(new H2Backend(mvStore));
                stock.bind("127.0.0.1", 0);
                uri = "mongodb://127.0.0.1:" + stock.getLocalAddress().getPort() + "/bench";
                server = () -> {
                    stock.shutdown();
                    BenchFiles.deleteRecursively(data);
                };
            } else {
                MongoServer memory = new MongoServer(new MemoryBackend());
                memory.bind("127.0.0.1", 0);
                uri = "mongodb://127.0.0.1:" + memory.getLocalAddress().getPort() + "/bench";
                server = memory::shutdownNow;
            }
            MongoClient client = MongoClients.create(uri);
            return new Store(server, client, client.getDatabase("bench"), new SerializationConfiguration().serializer());
        }

        MongoEventStorageEngine engine() {
            return MongoEventStorageEngine.builder()
                    .collections(new EventStoreCollections(database, WriteConcern.ACKNOWLEDGED).ensureIndexes())
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
        }

        @Override
        public void close() throws Exception {
            client.close();
            server.close();
        }
    }
}
