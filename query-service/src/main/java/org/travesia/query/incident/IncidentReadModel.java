package org.travesia.query.incident;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.platform.axon.StorageJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The {@code incidents} read model: one document per incident, its current state. Updates go by {@code _id} only
 * and apply an aggregate's events in sequence: an event already applied is skipped (a redelivery), and a gap in the
 * sequence is an error, so the event is parked rather than applied out of order.
 */
@Component
class IncidentReadModel {

    static final String COLLECTION = "incidents";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final MongoCollection<Document> incidents;
    private final JsonMapper json = StorageJson.mapper();

    IncidentReadModel(MongoDatabase travesiaDatabase) {
        this.incidents = travesiaDatabase.getCollection(COLLECTION);
        ensureIndexes();
    }

    private void ensureIndexes() {
        // Served by MongoDB; the embedded server accepts and ignores them (it scans).
        incidents.createIndex(Indexes.ascending("organisation", "sharing"), new IndexOptions().name("scope"));
        incidents.createIndex(Indexes.ascending("details.place.country", "occurredFrom"), new IndexOptions().name("country_time"));
        incidents.createIndex(Indexes.ascending("details.routeId", "details.segmentId", "occurredFrom"),
                new IndexOptions().name("route_time"));
        incidents.createIndex(Indexes.ascending("details.type", "occurredFrom"), new IndexOptions().name("type_time"));
        incidents.createIndex(Indexes.ascending("status", "occurredFrom"), new IndexOptions().name("status_time"));
        incidents.createIndex(Indexes.descending("occurredFrom", "_id"), new IndexOptions().name("occurred_sort"));
        incidents.createIndex(Indexes.descending("recordedAt", "_id"), new IndexOptions().name("recorded_sort"));
    }

    /** Applies event number {@code sequence} of an incident, once. */
    void apply(String incidentId, long sequence, UnaryOperator<Document> change) {
        Document current = incidents.find(Filters.eq("_id", incidentId)).first();
        long version = current == null ? -1 : current.getLong("version");
        if (sequence <= version) {
            return;
        }
        if (sequence != version + 1) {
            throw new IllegalStateException("Incident " + incidentId + " is at version " + version
                    + " and cannot apply event " + sequence + " before the ones in between");
        }
        Document next = change.apply(current == null ? new Document("_id", incidentId) : current);
        next.put("version", sequence);
        incidents.replaceOne(Filters.eq("_id", incidentId), next, new ReplaceOptions().upsert(true));
    }

    Optional<Document> find(String incidentId, Bson scope) {
        return Optional.ofNullable(incidents.find(Filters.and(Filters.eq("_id", incidentId), scope)).first());
    }

    void deleteAll() {
        incidents.deleteMany(new Document());
    }

    List<Document> all() {
        return incidents.find().into(new java.util.ArrayList<>());
    }

    Map<String, Object> toMap(Object value) {
        return json.convertValue(value, MAP);
    }

    IncidentDetails details(Document incident) {
        return json.convertValue(incident.get("details"), IncidentDetails.class);
    }

    static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
