package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.platform.axon.StorageJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * The incident read models: {@code incidents} (one document per incident, its current state) and
 * {@code incident_history} (one document per event: who, when, what changed and why, and the state after it).
 * <p>
 * Updates go by {@code _id} only and apply an aggregate's events in sequence: an event already applied is skipped
 * (a redelivery), and a gap in the sequence is an error, so the event is parked rather than applied out of order.
 * The history entry is written first, keyed by the event's id, so a crash between the two writes repeats neither.
 */
@Component
public class IncidentReadModel {

    static final String INCIDENTS = "incidents";
    static final String HISTORY = "incident_history";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final MongoCollection<Document> incidents;
    private final MongoCollection<Document> history;
    private final JsonMapper json = StorageJson.mapper();

    IncidentReadModel(MongoDatabase travesiaDatabase) {
        this.incidents = travesiaDatabase.getCollection(INCIDENTS);
        this.history = travesiaDatabase.getCollection(HISTORY);
        ensureIndexes();
    }

    /** Served by MongoDB; the embedded server accepts and ignores non-unique indexes (it scans). Listed in the README. */
    private void ensureIndexes() {
        incidents.createIndex(Indexes.ascending("organisation", "sharing"), new IndexOptions().name("scope"));
        incidents.createIndex(Indexes.ascending("details.place.country", "occurredFrom"), new IndexOptions().name("country_time"));
        incidents.createIndex(Indexes.ascending("details.routeId", "details.segmentId", "occurredFrom"),
                new IndexOptions().name("route_time"));
        incidents.createIndex(Indexes.ascending("details.type", "occurredFrom"), new IndexOptions().name("type_time"));
        incidents.createIndex(Indexes.ascending("status", "occurredFrom"), new IndexOptions().name("status_time"));
        incidents.createIndex(Indexes.ascending("details.place.coordinates.lon", "details.place.coordinates.lat"),
                new IndexOptions().name("position"));
        incidents.createIndex(Indexes.descending("occurredFrom", "_id"), new IndexOptions().name("occurred_sort"));
        incidents.createIndex(Indexes.descending("recordedAt", "_id"), new IndexOptions().name("recorded_sort"));
        history.createIndex(Indexes.ascending("incidentId", "sequence"), new IndexOptions().name("incident_sequence"));
    }

    /**
     * Applies event number {@code sequence} of an incident, once: computes the next state, hands the states before
     * (null for a new incident) and after to {@code recordHistory}, then stores the new state.
     */
    void apply(String incidentId, long sequence, UnaryOperator<Document> change,
               BiConsumer<Document, Document> recordHistory) {
        Document current = incidents.find(Filters.eq("_id", incidentId)).first();
        long version = current == null ? -1 : current.getLong("version");
        if (sequence <= version) {
            return;
        }
        if (sequence != version + 1) {
            throw new IllegalStateException("Incident " + incidentId + " is at version " + version
                    + " and cannot apply event " + sequence + " before the ones in between");
        }
        Document next = change.apply(current == null ? new Document("_id", incidentId) : new Document(current));
        next.put("version", sequence);
        recordHistory.accept(current, next);
        incidents.replaceOne(Filters.eq("_id", incidentId), next, new ReplaceOptions().upsert(true));
    }

    void addHistory(Document entry) {
        try {
            history.insertOne(entry);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    Optional<Document> find(String incidentId, Bson scope) {
        return Optional.ofNullable(incidents.find(Filters.and(Filters.eq("_id", incidentId), scope)).first());
    }

    FindIterable<Document> search(Bson filter, Bson sort, int limit) {
        return incidents.find(filter).sort(sort).limit(limit);
    }

    public FindIterable<Document> matching(Bson filter) {
        return incidents.find(filter);
    }

    /**
     * The states of the given incidents as they were known at {@code asOf} (after the last event recorded by then),
     * of those whose state then matches {@code stateFilter} (on fields prefixed {@code state.}).
     */
    public List<Document> statesAsOf(Collection<String> incidentIds, Date asOf, Bson stateFilter) {
        Map<String, Document> latest = new HashMap<>();
        for (Document entry : history.find(Filters.and(Filters.in("incidentId", incidentIds), Filters.lte("recordedAt", asOf)))
                .projection(Projections.include("incidentId", "sequence"))) {
            latest.merge(entry.getString("incidentId"), entry,
                    (a, b) -> a.getLong("sequence") >= b.getLong("sequence") ? a : b);
        }
        List<String> entryIds = latest.values().stream().map(e -> e.getString("_id")).toList();
        List<Document> states = new ArrayList<>();
        for (Document entry : history.find(Filters.and(Filters.in("_id", entryIds), stateFilter))) {
            states.add(entry.get("state", Document.class));
        }
        return states;
    }

    List<Document> history(String incidentId) {
        return history.find(Filters.eq("incidentId", incidentId)).sort(Sorts.ascending("sequence"))
                .into(new ArrayList<>());
    }

    /** The last history entry of an incident recorded at or before {@code instant}. */
    Optional<Document> historyAsOf(String incidentId, Date instant) {
        return Optional.ofNullable(history.find(Filters.and(Filters.eq("incidentId", incidentId),
                        Filters.lte("recordedAt", instant)))
                .sort(Sorts.descending("sequence")).limit(1).first());
    }

    void deleteAll() {
        history.deleteMany(new Document());
        incidents.deleteMany(new Document());
    }

    List<Document> all() {
        return incidents.find().into(new ArrayList<>());
    }

    List<Document> allHistory() {
        return history.find().into(new ArrayList<>());
    }

    Map<String, Object> toMap(Object value) {
        return json.convertValue(value, MAP);
    }

    IncidentDetails details(Document incident) {
        return json.convertValue(incident.get("details"), IncidentDetails.class);
    }

    <T> T convert(Object value, Class<T> type) {
        return json.convertValue(value, type);
    }

    static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
