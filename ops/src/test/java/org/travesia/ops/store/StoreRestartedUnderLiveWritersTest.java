package org.travesia.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
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

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The embedded store killed and restarted on its port while the event store's client stays up, between a commit's
 * position allocation and its insert. The allocation does not wait for the journal, so the restarted store has
 * forgotten it, and the insert, sent on a fresh connection, lands there: events stand above the position counter.
 * What must hold: appends after it still succeed, with positions of their own, and a reader that was reading before
 * the kill, and one reading from the start, get every event once, none passed over.
 */
class StoreRestartedUnderLiveWritersTest {

    /** More events in the commit that lands above the counter than an append takes attempts (ten). */
    private static final int LANDED_ABOVE_THE_COUNTER = 20;
    private static final int ROUNDS = 5;

    /** The payload: which walker and which step. */
    @Revision("1")
    public record Walked(String walker, long step) {
    }

    @TempDir
    Path data;

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final AtomicReference<Runnable> atNextAllocation = new AtomicReference<>();
    private final AtomicLong allocatedUpTo = new AtomicLong();
    private StoreProcess store;
    private MongoClient client;
    private MongoDatabase database;
    private EventStoreCollections collections;
    private MongoEventStorageEngine engine;

    @BeforeEach
    void startTheStoreAndAClientThatOutlivesIt() {
        store = StoreProcess.start(data);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.uri("travesia")))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(60, TimeUnit.SECONDS))
                .build());
        database = client.getDatabase("travesia");
        collections = new EventStoreCollections(database, WriteConcern.ACKNOWLEDGED).ensureIndexes();
        engine = engine(Duration.ofSeconds(10));
    }

    /** The engine, with a listener that runs {@link #atNextAllocation} once, between an allocation and its insert. */
    private MongoEventStorageEngine engine(Duration gapTimeout) {
        return MongoEventStorageEngine.builder()
                .collections(collections)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .gapTimeout(gapTimeout)
                .allocationListener((first, count) -> {
                    allocatedUpTo.accumulateAndGet(first + count - 1, Math::max);
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
    void appendsAfterARestartThatForgotAnAllocationSucceedAndNoReaderPassesAnEventOver() {
        List<String> appended = new ArrayList<>();
        append(appended, "before", 5);
        List<String> readLive = new ArrayList<>();
        TrackingToken liveReader = readNew(null, readLive);

        int round = 0;
        boolean counterBehind = false;
        while (!counterBehind && round < ROUNDS) {
            round++;
            atNextAllocation.set(this::restartTheStore);
            append(appended, "landed-" + round, LANDED_ABOVE_THE_COUNTER);
            // The allocation is committed to disk with the next write that waits, or after 100 ms: a slow kill can
            // keep it. Then the counter is not behind, and the round is tried again.
            counterBehind = counter() < allocatedUpTo.get();
        }
        assertThat(counterBehind).as("a restart in %d rounds forgot its commit's allocation", round).isTrue();
        assertThat(highestStoredPosition()).as("the commit landed above the counter").isGreaterThan(counter());

        for (int i = 0; i < 3; i++) {
            append(appended, "after-" + i, 1);
        }

        assertThat(counter()).as("the counter, after appending again").isGreaterThanOrEqualTo(highestStoredPosition());
        readNew(liveReader, readLive);
        List<String> readFromStart = new ArrayList<>();
        readNew(null, readFromStart);
        assertThat(readLive).as("a reader that read before the kill").containsExactlyElementsOf(appended);
        assertThat(readFromStart).as("a reader from the start").containsExactlyElementsOf(appended);
    }

    @Test
    void appendsSucceedWhenReadersFencedAForgottenAllocationAboveTheCounter() {
        engine = engine(Duration.ZERO);
        List<String> appended = new ArrayList<>();
        append(appended, "before", 5);

        int round = 0;
        boolean counterBehind = false;
        while (!counterBehind && round < ROUNDS) {
            round++;
            String landed = "landed-" + round;
            String died = "died-" + round;
            // A writer allocates, and dies before its insert; meanwhile another allocates after it, the store is
            // restarted, and that other's insert lands. The restarted store has forgotten both allocations.
            atNextAllocation.set(() -> {
                atNextAllocation.set(this::restartTheStore);
                append(appended, landed, 1);
                throw new WriterDied();
            });
            assertThatThrownBy(() -> engine.appendEvents(walked(died, LANDED_ABOVE_THE_COUNTER)))
                    .isInstanceOf(WriterDied.class);
            counterBehind = counter() < allocatedUpTo.get();
        }
        assertThat(counterBehind).as("a restart in %d rounds forgot the allocations", round).isTrue();
        List<String> readFromStart = new ArrayList<>();
        TrackingToken reader = readNew(null, readFromStart);
        assertThat(engine.fencedPositions()).as("the dead writer's positions, fenced at once").isGreaterThanOrEqualTo(LANDED_ABOVE_THE_COUNTER);

        for (int i = 0; i < 3; i++) {
            append(appended, "after-" + i, 1);
        }

        assertThat(counter()).as("the counter, after appending again").isGreaterThanOrEqualTo(highestStoredPosition());
        readNew(reader, readFromStart);
        assertThat(readFromStart).as("a reader from the start").containsExactlyElementsOf(appended);
    }

    /** A writer that dies between its allocation and its insert. */
    private static final class WriterDied extends RuntimeException {
    }

    private static List<DomainEventMessage<?>> walked(String walker, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>(count);
        for (long step = 0; step < count; step++) {
            events.add(new GenericDomainEventMessage<>("Walker", walker, step, new Walked(walker, step)));
        }
        return events;
    }

    private void append(List<String> appended, String walker, int count) {
        engine.appendEvents(walked(walker, count));
        for (long step = 0; step < count; step++) {
            appended.add(walker + "#" + step);
        }
    }

    /** Reads everything after {@code token} into {@code into}, as a tracking processor would, and returns where it stopped. */
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
     * command to meet one fails and clears the pool (as another writer's would), and the next gets a fresh one.
     */
    private void restartTheStore() {
        int port = store.port();
        store.kill();
        store = StoreProcess.start(data, port);
        for (int attempt = 1; ; attempt++) {
            try {
                database.runCommand(new Document("ping", 1));
                return;
            } catch (MongoException deadConnection) {
                assertThat(attempt).as("pings until a fresh connection answers").isLessThan(5);
            }
        }
    }

    private long counter() {
        Document counter = database.getCollection(EventStoreCollections.COUNTERS).find(Filters.eq("_id", "global")).first();
        return counter == null ? 0 : ((Number) counter.get("last")).longValue();
    }

    private long highestStoredPosition() {
        Document highest = database.getCollection(EventStoreCollections.EVENTS).find()
                .sort(new Document("_id", -1)).limit(1).first();
        if (highest == null) {
            return 0;
        }
        List<?> positions = highest.getList("positions", Object.class);
        return ((Number) positions.get(positions.size() - 1)).longValue();
    }
}
