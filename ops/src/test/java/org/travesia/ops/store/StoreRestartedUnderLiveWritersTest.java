package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.travesia.eventstore.EventStoreCollections;
import org.travesia.eventstore.MongoEventStorageEngine;
import org.travesia.eventstore.StorePositions;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The embedded store killed and restarted on its port while the event store's client stays up, between a commit's
 * position allocation and its insert, which then lands on the restarted store over a fresh connection. Before it, a
 * writer allocated and died. If the restarted store forgot the allocations (as it did while they did not wait for
 * the journal), the counter stands below the commit that landed, and the next appends take the dead writer's
 * positions: below that commit, so that an aggregate's next event is read before the one it follows. What must hold:
 * the counter stays above every commit, each of the walker's steps lands after the one before, and a reader that was
 * reading before the kills, and one reading from the start, get every step once, in order.
 */
class StoreRestartedUnderLiveWritersTest {

    /** The dead writer's block: where appends after a forgotten allocation would land, below the step after it. */
    private static final int DEAD_WRITER_POSITIONS = 20;
    /**
     * A write that does not wait for the journal is lost only if the kill comes before the store commits it (with the
     * next write that waits, or after 100 ms). Each restart checks that it forgot one written just before the kill
     * ({@link #restartTheStore}); of a few rounds, one at least must.
     */
    private static final int ROUNDS = 3;
    private static final String WALKER = "walker";

    /** The payload: which walker and which step. */
    @Revision("1")
    public record Walked(String walker, long step) {
    }

    @TempDir
    Path data;

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final AtomicReference<Runnable> atNextAllocation = new AtomicReference<>();
    private StoreProcess store;
    private MongoClient client;
    private MongoDatabase database;
    private MongoEventStorageEngine engine;
    private StorePositions positions;
    private int restarts;
    private int restartsThatForgot;

    @BeforeEach
    void startTheStoreAndAClientThatOutlivesIt() {
        store = StoreProcess.start(data);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.uri("travesia")))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(60, TimeUnit.SECONDS))
                .build());
        database = client.getDatabase("travesia");
        // The production defaults (the gap timeout's 10 s among them), and a listener that runs atNextAllocation
        // once, between an allocation and its insert.
        EventStoreCollections collections =
                new EventStoreCollections(database, WriteConcern.ACKNOWLEDGED).ensureIndexes();
        positions = new StorePositions(collections);
        engine = MongoEventStorageEngine.builder()
                .collections(collections)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .allocationListener((first, count) -> {
                    Runnable action = atNextAllocation.getAndSet(null);
                    if (action != null) {
                        action.run();
                    }
                })
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void aRestartBetweenAnAllocationAndItsInsertLeavesTheCounterAboveEveryCommitAndTheWalkerInOrder() {
        List<String> appended = new ArrayList<>();
        appendNextStep(appended);
        List<String> readLive = new ArrayList<>();
        TrackingToken liveReader = readNew(null, readLive);

        for (int round = 1; round <= ROUNDS; round++) {
            // A writer allocates and dies before its insert; meanwhile the walker's next step allocates after it, the
            // store is killed and restarted, and the step's insert lands on the restarted store.
            atNextAllocation.set(() -> {
                atNextAllocation.set(this::restartTheStore);
                appendNextStep(appended);
                throw new WriterDied();
            });
            String died = "died-" + round;
            assertThatThrownBy(() -> engine.appendEvents(walked(died, 0, DEAD_WRITER_POSITIONS)))
                    .isInstanceOf(WriterDied.class);
            long landed = positions.highestOccupiedByScan();
            assertThat(positions.counter())
                    .as("round %d: the counter after the restart, against the step that landed at %d", round, landed)
                    .isGreaterThanOrEqualTo(landed);

            appendNextStep(appended);
            assertThat(positions.highestOccupiedByScan())
                    .as("round %d: the walker's next step, after the one at %d", round, landed).isGreaterThan(landed);
        }

        assertThat(restartsThatForgot).as("restarts that forgot what was written unjournaled just before them, of %d",
                ROUNDS).isPositive();
        readNew(liveReader, readLive);
        List<String> readFromStart = new ArrayList<>();
        readNew(null, readFromStart);
        assertThat(readLive).as("a reader that read before the kills").containsExactlyElementsOf(appended);
        assertThat(readFromStart).as("a reader from the start").containsExactlyElementsOf(appended);
    }

    /** A writer that dies between its allocation and its insert. */
    private static final class WriterDied extends RuntimeException {
    }

    private static List<DomainEventMessage<?>> walked(String walker, long from, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (long step = from; step < from + count; step++) {
            events.add(new GenericDomainEventMessage<>("Walker", walker, step, new Walked(walker, step)));
        }
        return events;
    }

    /** The walker's next step, in a commit of its own. */
    private void appendNextStep(List<String> appended) {
        long step = appended.size();
        engine.appendEvents(walked(WALKER, step, 1));
        appended.add(WALKER + "#" + step);
    }

    /** Reads everything after {@code token} into {@code into}, as a processor would; answers where it stopped. */
    private TrackingToken readNew(TrackingToken token, List<String> into) {
        List<? extends TrackedEventMessage<?>> read = engine.readEvents(token, false).collect(Collectors.toList());
        for (TrackedEventMessage<?> event : read) {
            Walked walked = (Walked) event.getPayload();
            into.add(walked.walker() + "#" + walked.step());
        }
        return read.isEmpty() ? token : read.get(read.size() - 1).trackingToken();
    }

    /**
     * SIGKILL, then the same data directory on the same port. The client's pooled connections are dead; the first
     * command to meet one fails and clears the pool (as another writer's would), and the next gets a fresh one. Just
     * before the kill it writes a marker without waiting for the journal, as the allocations once were: a restart
     * that no longer holds it came before the store committed anything written since, which is the case the test is
     * about, and is counted in {@link #restartsThatForgot}.
     */
    private void restartTheStore() {
        int port = store.port();
        MongoCollection<Document> markers = database.getCollection("unjournaled_markers")
                .withWriteConcern(WriteConcern.W1.withJournal(false));
        String marker = "before restart " + (++restarts);
        markers.insertOne(new Document("_id", marker));
        store.kill();
        store = StoreProcess.start(data, port);
        for (int attempt = 1; ; attempt++) {
            try {
                database.runCommand(new Document("ping", 1));
                break;
            } catch (MongoException deadConnection) {
                assertThat(attempt).as("pings until a fresh connection answers").isLessThan(5);
            }
        }
        if (markers.find(Filters.eq("_id", marker)).first() == null) {
            restartsThatForgot++;
        }
    }
}
