package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.Actor;
import org.travesia.platform.viewwrites.ViewWrites;
import org.travesia.query.incident.api.Reach;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The incident read models: {@code incidents} (one document per incident, its current state) and
 * {@code incident_history} (one document per event: who, when, what changed and why, and the state after it).
 * <p>
 * Updates go by {@code _id} only and apply an aggregate's events in sequence: an event already applied is skipped
 * (a redelivery), and a gap in the sequence is an error, so the event is parked rather than applied out of order.
 * A processed batch's writes go in two bulk writes when it ends ({@link ViewWrites}): the history entries first,
 * keyed by the event's id, then the incidents' states, so a crash between the two repeats neither. Within the batch,
 * an incident's state is read from what the batch wrote before the database.
 */
@Component
class IncidentReadModel {

    static final String INCIDENTS = "incidents";
    static final String HISTORY = "incident_history";
    /** One document per rebuildable read model: how many times it was emptied for a replay. */
    static final String GENERATIONS = "read_model_generations";
    private static final String GENERATION = "generation";
    private static final String REBUILDING = "rebuilding";
    /** The steps of a batch's writes: history before state ({@link ViewWrites}). */
    private static final int HISTORY_STEP = 0;
    private static final int STATE_STEP = 1;

    /**
     * The order of snapshots: when it occurred, earliest first (unknown first), then by id. MongoDB serves it from
     * {@code occurred_sort}, read backwards.
     */
    static final Bson SNAPSHOT_ORDER = Sorts.ascending(IncidentDocument.OCCURRED_FROM, IncidentDocument.ID);

    private final MongoCollection<Document> incidents;
    private final MongoCollection<Document> history;
    private final MongoCollection<Document> generations;

    IncidentReadModel(MongoDatabase travesiaDatabase) {
        this.incidents = travesiaDatabase.getCollection(INCIDENTS);
        this.history = travesiaDatabase.getCollection(HISTORY);
        this.generations = travesiaDatabase.getCollection(GENERATIONS);
        ensureIndexes();
    }

    /** Served by MongoDB; the embedded server accepts and ignores non-unique indexes (it scans). Listed in the README. */
    private void ensureIndexes() {
        incidents.createIndex(Indexes.ascending(IncidentDocument.ORGANISATION, IncidentDocument.SHARING),
                new IndexOptions().name("scope"));
        incidents.createIndex(Indexes.ascending(IncidentDocument.COUNTRY, IncidentDocument.OCCURRED_FROM),
                new IndexOptions().name("country_time"));
        incidents.createIndex(Indexes.ascending(IncidentDocument.ROUTE, IncidentDocument.SEGMENT,
                IncidentDocument.OCCURRED_FROM), new IndexOptions().name("route_time"));
        incidents.createIndex(Indexes.ascending(IncidentDocument.TYPE, IncidentDocument.OCCURRED_FROM),
                new IndexOptions().name("type_time"));
        incidents.createIndex(Indexes.ascending(IncidentDocument.STATUS, IncidentDocument.OCCURRED_FROM),
                new IndexOptions().name("status_time"));
        incidents.createIndex(Indexes.ascending(IncidentDocument.LONGITUDE, IncidentDocument.LATITUDE),
                new IndexOptions().name("position"));
        incidents.createIndex(Indexes.descending(IncidentDocument.OCCURRED_FROM, IncidentDocument.ID),
                new IndexOptions().name("occurred_sort"));
        incidents.createIndex(Indexes.descending(IncidentDocument.RECORDED_AT, IncidentDocument.ID),
                new IndexOptions().name("recorded_sort"));
        history.createIndex(Indexes.ascending(IncidentHistoryDocument.INCIDENT_ID, IncidentHistoryDocument.SEQUENCE),
                new IndexOptions().name("incident_sequence"));
        // Unique (one event, one entry), so that both servers answer an $in of positions from the index: how a
        // snapshot finds what changed above its pinned position, and the states kept at a position.
        history.createIndex(Indexes.ascending(IncidentHistoryDocument.POSITION),
                new IndexOptions().name("position").unique(true).sparse(true));
    }

    /**
     * Applies event number {@code sequence} of an incident, once: computes the next state, hands the states before
     * (null for a new incident) and after to {@code recordHistory}, then stores the new state and returns it. Returns
     * null for an event applied before (a redelivery).
     */
    Document apply(String incidentId, long sequence, UnaryOperator<Document> change,
                   BiConsumer<Document, Document> recordHistory) {
        ViewWrites writes = ViewWrites.current();
        Map<String, Document> written = writes.local(this, HashMap::new);
        Document current = written.containsKey(incidentId) ? written.get(incidentId)
                : writes.storedById(incidents, incidentId, sequence, IncidentDocument.VERSION);
        long version = current == null ? -1 : current.getLong(IncidentDocument.VERSION);
        if (sequence <= version) {
            return null;
        }
        if (sequence != version + 1) {
            throw new IllegalStateException("Incident " + incidentId + " is at version " + version
                    + " and cannot apply event " + sequence + " before the ones in between");
        }
        Document next = change.apply(current == null ? new Document(IncidentDocument.ID, incidentId)
                : new Document(current));
        next.put(IncidentDocument.VERSION, sequence);
        recordHistory.accept(current, next);
        writes.upsert(STATE_STEP, incidents, next);
        written.put(incidentId, ViewWrites.asStored(incidents, next));
        return next;
    }

    /** Adds an entry unless the event's is there already (written before a crash that kept the state from being). */
    void addHistory(Document entry) {
        ViewWrites.current().insertUnlessPresent(HISTORY_STEP, history, entry);
    }

    /**
     * The incident, if {@code reader} may see it ({@link IncidentReadScope#of(Actor)}). Fetched by {@code _id} alone,
     * the scope decided in memory by the same rule ({@link IncidentReadScope#allows}): the embedded server serves a
     * query from its unique index only when the query names that index's keys and nothing else, and scanned the
     * collection for {@code _id} plus scope (a second per read at 10,000 incidents, holding the collection's lock
     * against the projections' writes meanwhile; docs/benchmarks.md).
     */
    Optional<Document> find(String incidentId, Actor reader) {
        return Optional.ofNullable(incidents.find(Filters.eq(IncidentDocument.ID, incidentId)).first())
                .filter(incident -> IncidentReadScope.allows(reader, Reach.NETWORK, incident));
    }

    FindIterable<Document> search(Bson filter, Bson sort, int limit) {
        return incidents.find(filter).sort(sort).limit(limit);
    }

    FindIterable<Document> matching(Bson filter) {
        return incidents.find(filter);
    }

    /**
     * The incidents matching {@code filter} whose last applied event is at or below {@code position} (or unknown: a
     * document from a build before positions were kept), oldest first ({@link #SNAPSHOT_ORDER}), read with a cursor a
     * batch at a time.
     */
    MongoCursor<Document> atOrBelow(long position, Bson filter, Bson projection, int batchSize) {
        Bson pinned = Filters.or(Filters.lte(IncidentDocument.POSITION, position),
                Filters.eq(IncidentDocument.POSITION, null));
        FindIterable<Document> found = incidents.find(Filters.and(filter, pinned)).sort(SNAPSHOT_ORDER)
                .batchSize(batchSize);
        return (projection == null ? found : found.projection(projection)).cursor();
    }

    /**
     * The history entries at these positions ({@code $in} on the unique index, so cheap on both servers), without
     * their states unless {@code withState}.
     */
    List<Document> entriesAt(Collection<Long> positions, boolean withState) {
        FindIterable<Document> found = history.find(Filters.in(IncidentHistoryDocument.POSITION, positions));
        if (!withState) {
            found = found.projection(Projections.exclude(IncidentHistoryDocument.STATE,
                    IncidentHistoryDocument.CHANGES));
        }
        return found.into(new ArrayList<>());
    }

    /** An incident's history entry by its sequence number: for entries written before previous positions were kept. */
    Optional<Document> entry(String incidentId, long sequence) {
        return Optional.ofNullable(history.find(Filters.and(Filters.eq(IncidentHistoryDocument.INCIDENT_ID, incidentId),
                Filters.eq(IncidentHistoryDocument.SEQUENCE, sequence))).first());
    }

    long count(Bson filter) {
        return incidents.countDocuments(filter);
    }

    /**
     * The history entries that hold the given incidents' states as they were known at {@code asOf}: each one's last
     * entry recorded by then, as incident id to entry id.
     * <p>
     * As-of reads go through the entries recorded by then in a few linear passes, and pick what they want in
     * memory, rather than asking by lists of ids: the incidents are those a reader may see now, which for the network
     * or the public is nearly all of them, and the embedded server answers an {@code $in} of n ids in time growing
     * with n times the entries (20,000 incidents: 12 to 16 s for the states by {@code _id}, against under a second
     * for a pass). On MongoDB a pass reads about what such an {@code $in} would through the index.
     */
    Map<String, String> entriesAsOf(Collection<String> incidentIds, Date asOf) {
        Set<String> wanted = new HashSet<>(incidentIds);
        Map<String, Document> latest = new HashMap<>();
        for (Document entry : history.find(recordedBy(asOf))
                .projection(Projections.include(IncidentHistoryDocument.INCIDENT_ID, IncidentHistoryDocument.SEQUENCE))) {
            String incidentId = entry.getString(IncidentHistoryDocument.INCIDENT_ID);
            if (wanted.contains(incidentId)) {
                latest.merge(incidentId, entry, (a, b) -> a.getLong(IncidentHistoryDocument.SEQUENCE)
                        >= b.getLong(IncidentHistoryDocument.SEQUENCE) ? a : b);
            }
        }
        Map<String, String> entries = new HashMap<>();
        latest.forEach((incidentId, entry) -> entries.put(incidentId, entry.getString(IncidentHistoryDocument.ID)));
        return entries;
    }

    /**
     * The states held by these entries (of {@link #entriesAsOf} at the same {@code asOf}) that match
     * {@code stateFilter}, on fields prefixed {@code state.}.
     */
    List<Document> states(Collection<String> entryIds, Date asOf, Bson stateFilter) {
        Set<String> wanted = new HashSet<>(entryIds);
        List<Document> states = new ArrayList<>();
        for (Document entry : history.find(Filters.and(recordedBy(asOf), stateFilter))
                .projection(Projections.include(IncidentHistoryDocument.STATE))) {
            if (wanted.contains(entry.getString(IncidentHistoryDocument.ID))) {
                states.add(entry.get(IncidentHistoryDocument.STATE, Document.class));
            }
        }
        return states;
    }

    /** How many of these entries match {@code stateFilter}: {@link #states}, counted. */
    long countStates(Collection<String> entryIds, Date asOf, Bson stateFilter) {
        Set<String> wanted = new HashSet<>(entryIds);
        long count = 0;
        for (Document entry : history.find(Filters.and(recordedBy(asOf), stateFilter))
                .projection(Projections.include(IncidentHistoryDocument.ID))) {
            if (wanted.contains(entry.getString(IncidentHistoryDocument.ID))) {
                count++;
            }
        }
        return count;
    }

    private static Bson recordedBy(Date asOf) {
        return Filters.lte(IncidentHistoryDocument.RECORDED_AT, asOf);
    }

    List<Document> history(String incidentId) {
        return history.find(Filters.eq(IncidentHistoryDocument.INCIDENT_ID, incidentId))
                .sort(Sorts.ascending(IncidentHistoryDocument.SEQUENCE)).into(new ArrayList<>());
    }

    /** The last history entry of an incident recorded at or before {@code instant}. */
    Optional<Document> historyAsOf(String incidentId, Date instant) {
        return Optional.ofNullable(history.find(Filters.and(Filters.eq(IncidentHistoryDocument.INCIDENT_ID, incidentId),
                        Filters.lte(IncidentHistoryDocument.RECORDED_AT, instant)))
                .sort(Sorts.descending(IncidentHistoryDocument.SEQUENCE)).limit(1).first());
    }

    /**
     * Empties both read models for a replay. The generation is moved first, and marked as being rebuilt until the
     * replay applies its first event ({@link #replayStarted}): a reader who finds the generation unchanged after
     * reading knows that nothing it read had been deleted yet, and no snapshot is pinned in between, while the
     * projection's tokens still say where it was before ({@link #generation}).
     */
    void deleteAll() {
        generations.updateOne(Filters.eq("_id", INCIDENTS), Updates.combine(Updates.inc(GENERATION, 1L),
                Updates.set(REBUILDING, true)), new UpdateOptions().upsert(true));
        history.deleteMany(new Document());
        incidents.deleteMany(new Document());
    }

    /** The replay has applied an event: its tokens are stored, and say how far it has got. */
    void replayStarted() {
        generations.updateOne(Filters.and(Filters.eq("_id", INCIDENTS), Filters.eq(REBUILDING, true)),
                Updates.set(REBUILDING, false));
    }

    /**
     * How many times the read models were emptied for a replay (0 if never), and whether the last replay has yet to
     * apply its first event: a long read (a snapshot) that finds the number changed has read from a read model being
     * rebuilt, and may have missed what was deleted under it.
     */
    Generation generation() {
        Document generation = generations.find(Filters.eq("_id", INCIDENTS)).first();
        return generation == null ? new Generation(0, false)
                : new Generation(generation.get(GENERATION, Number.class).longValue(),
                        Boolean.TRUE.equals(generation.getBoolean(REBUILDING)));
    }

    record Generation(long number, boolean rebuilding) {
    }

    List<Document> all() {
        return incidents.find().into(new ArrayList<>());
    }

    List<Document> allHistory() {
        return history.find().into(new ArrayList<>());
    }
}
