package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * Writers racing on the same unique key, as the event store's writers race a reader's fence on a position, or two
 * commands on the same aggregate version. The fencing is only sound if, as on MongoDB, exactly one insert wins and a
 * refused write leaves nothing behind: mongo-java-server checks a document's unique keys, stores the document, then
 * adds its keys, which is safe only because each collection runs one write at a time. Were that to change (a backend
 * of ours writing concurrently, an upgrade), a refused insert could stay stored without its index entries: missed by
 * reads through the index, found by scans, a fence hiding a real commit. This keeps that from happening unnoticed.
 */
class ConcurrentUniqueWritesTest {

    private static final int ROUNDS = 300;
    private static final int RACERS = 8;

    @TempDir
    Path data;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> events;

    @BeforeEach
    void start() {
        server = new MongoServer(DurableH2Backend.open(data.resolve("store.mv")));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        events = client.getDatabase("travesia").getCollection("events");
        events.createIndex(Indexes.ascending("positions"), new IndexOptions().unique(true).name("positions"));
        events.createIndex(Indexes.ascending("aggregateKeys"), new IndexOptions().unique(true).sparse(true)
                .name("aggregateKeys"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void aRefusedInsertLeavesNothingAndExactlyOneRacerWins() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long position = round;
                CyclicBarrier start = new CyclicBarrier(RACERS);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int r = 0; r < RACERS; r++) {
                    String racer = "racer-" + r;
                    // Half of them race on the position alone (a fence), half also on an aggregate key.
                    Document commit = new Document("positions", List.of(position)).append("racer", racer);
                    if (r % 2 == 0) {
                        commit.append("aggregateKeys", List.of("incident-" + round + "#0"));
                    }
                    outcomes.add(racers.submit(insert(start, commit)));
                }
                int winners = 0;
                for (Future<Boolean> outcome : outcomes) {
                    winners += outcome.get() ? 1 : 0;
                }
                assertThat(winners).as("inserts acknowledged for position %d", position).isEqualTo(1);
            }
        } finally {
            racers.shutdownNow();
        }
        assertThat(storedPerPosition()).as("documents stored per position, by a scan").allSatisfy(
                (position, count) -> assertThat(count).as("position %d", position).isEqualTo(1));
    }

    @Test
    void aRefusedUpdateLeavesTheDocumentAsItWas() throws Exception {
        events.insertOne(new Document("_id", "a").append("positions", List.of(-1L)));
        events.insertOne(new Document("_id", "b").append("positions", List.of(-2L)));
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (long round = 1; round <= ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                long position = round;
                Future<Boolean> a = racers.submit(update(start, "a", position));
                Future<Boolean> b = racers.submit(update(start, "b", position));
                assertThat((a.get() ? 1 : 0) + (b.get() ? 1 : 0)).as("updates acknowledged to %d", position).isEqualTo(1);
                assertThat(events.countDocuments(Filters.eq("positions", position))).as("by the index").isEqualTo(1);
                assertThat(storedPerPosition().getOrDefault(position, 0)).as("by a scan, position %d", position)
                        .isEqualTo(1);
            }
        } finally {
            racers.shutdownNow();
        }
    }

    private Callable<Boolean> insert(CyclicBarrier start, Document commit) {
        return () -> {
            start.await();
            try {
                events.insertOne(commit);
                return true;
            } catch (MongoWriteException e) {
                assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                return false;
            }
        };
    }

    private Callable<Boolean> update(CyclicBarrier start, String id, long position) {
        return () -> {
            start.await();
            try {
                events.updateOne(Filters.eq("_id", id), Updates.set("positions", List.of(position)));
                return true;
            } catch (MongoWriteException e) {
                assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                return false;
            }
        };
    }

    /** Positions and how many documents hold each, by reading every document (a filter on an unindexed field). */
    private TreeMap<Long, Integer> storedPerPosition() {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (Document document : events.find(Filters.exists("racer", true))) {
            for (Object position : document.getList("positions", Object.class)) {
                counts.merge(((Number) position).longValue(), 1, Integer::sum);
            }
        }
        for (Document document : events.find(Filters.exists("racer", false))) {
            for (Object position : document.getList("positions", Object.class)) {
                counts.merge(((Number) position).longValue(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
