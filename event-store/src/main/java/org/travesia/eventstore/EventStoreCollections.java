package org.travesia.eventstore;

import java.util.List;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The event store's collections and the indexes its correctness rests on.
 * <ul>
 * <li>{@code events}: one document per commit. {@code positions} (a unique multikey index) holds the commit's global
 * positions, so that no position is ever claimed twice and readers can fetch by {@code $in}.
 * {@code aggregateKeys} (a unique, sparse multikey index) holds {@code "<aggregateId>#<sequence>"} for every domain
 * event: the optimistic concurrency guard, and how an aggregate's events are loaded.</li>
 * <li>{@code event_counters}: the global position allocator ({@link #allocations()}).</li>
 * <li>{@code snapshots}: the latest snapshot per aggregate, keyed by aggregate id.</li>
 * </ul>
 * Only equality and {@code $in} on unique indexes are used on hot paths: they are the only reads the embedded server
 * serves from an index, and real MongoDB serves them from the same indexes.
 */
public final class EventStoreCollections {

    public static final String EVENTS = "events";
    public static final String COUNTERS = "event_counters";
    public static final String SNAPSHOTS = "snapshots";

    static final String POSITIONS = "positions";
    static final String AGGREGATE_KEYS = "aggregateKeys";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> allocations;
    private final MongoCollection<Document> snapshots;

    public EventStoreCollections(MongoDatabase database, WriteConcern writeConcern) {
        this.events = database.getCollection(EVENTS).withWriteConcern(writeConcern);
        this.counters = database.getCollection(COUNTERS).withWriteConcern(writeConcern);
        this.allocations = counters.withWriteConcern(writeConcern.withJournal(false));
        this.snapshots = database.getCollection(SNAPSHOTS).withWriteConcern(writeConcern);
    }

    /** Creates the indexes if they are missing. Safe to call from every instance at start-up. */
    public EventStoreCollections ensureIndexes() {
        events.createIndexes(List.of(
                new IndexModel(Indexes.ascending(POSITIONS), new IndexOptions().unique(true).name("positions_unique")),
                new IndexModel(Indexes.ascending(AGGREGATE_KEYS),
                        new IndexOptions().unique(true).sparse(true).name("aggregate_keys_unique"))));
        return this;
    }

    MongoCollection<Document> events() {
        return events;
    }

    MongoCollection<Document> counters() {
        return counters;
    }

    /**
     * The counter, for allocating positions only: acknowledged without waiting for the journal ({@code j: false}).
     * Nothing acts on an allocation but the insert of its commit, and the insert, acknowledged with the write concern
     * of the events, is on disk only with every write applied before it, the allocation included (the embedded
     * store's group commit covers every write finished before it; MongoDB's journal and oplog are in order). An
     * allocation lost in a crash with no insert after it leaves nothing that points at its positions, and they are
     * handed out again. On a replica set with {@code w: majority} MongoDB journals it all the same
     * ({@code writeConcernMajorityJournalDefault}).
     * <p>
     * One case breaks "the counter is never below a commit": a store killed and restarted while its clients stay up
     * forgets allocations, and inserts sent after them on fresh connections land on the restarted store. An append
     * that then finds its positions taken moves the counter above the commits there before it allocates again
     * ({@link MongoEventStorageEngine}), so it costs that append one retry; readers read by position, not up to the
     * counter, and miss nothing (ops' {@code StoreRestartedUnderLiveWritersTest}).
     */
    MongoCollection<Document> allocations() {
        return allocations;
    }

    MongoCollection<Document> snapshots() {
        return snapshots;
    }
}
