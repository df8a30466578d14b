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

    /** The allocations' write concern: on disk, and on a majority of a replica set's members, before the answer. */
    static final WriteConcern ALLOCATION_CONCERN = WriteConcern.MAJORITY.withJournal(true);

    static final String POSITIONS = "positions";
    static final String AGGREGATE_KEYS = "aggregateKeys";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> allocations;
    private final MongoCollection<Document> snapshots;

    public EventStoreCollections(MongoDatabase database, WriteConcern writeConcern) {
        this.events = database.getCollection(EVENTS).withWriteConcern(writeConcern);
        this.counters = database.getCollection(COUNTERS).withWriteConcern(writeConcern);
        this.allocations = counters.withWriteConcern(ALLOCATION_CONCERN);
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
     * The counter, for allocating positions: always {@link #ALLOCATION_CONCERN}, whatever the events' write concern,
     * so that an allocation is answered only once it would survive whatever a commit after it survives.
     * <p>
     * It once waived the journal ({@code j: false}), relying on the commit's insert after it to carry it to disk,
     * which holds only while both reach the same running store. A store killed and restarted under running services
     * forgot such allocations while inserts sent after them, on fresh connections, landed on the restarted store: the
     * counter stood below commits, and the next appends took free positions under them, an aggregate's next event
     * before the one it follows (ops' {@code StoreRestartedUnderLiveWritersTest}). The events' own concern is not
     * enough either when it is {@code acknowledged}: MongoDB answers {@code w: 1} from memory, and a primary's
     * failover can roll back a write no majority holds, while the insert after it lands on the new primary.
     */
    MongoCollection<Document> allocations() {
        return allocations;
    }

    MongoCollection<Document> snapshots() {
        return snapshots;
    }
}
