package org.travesia.command.route.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.command.route.api.RouteDirectory;
import org.travesia.kernel.route.Area;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * What route assignment remembers, in its own collections: every segment drawn ({@code assignment_segments}) and,
 * per incident, what derivation needs ({@code assignment_incidents}): its coordinates, the route and segment its
 * report names, whether an analyst overrode it or it was retracted, and the derivation last recorded. Every read and
 * write is by {@code _id}, which the embedded store serves from its index.
 */
@Component
class AssignmentState implements RouteDirectory {

    static final String SEGMENTS = "assignment_segments";
    static final String INCIDENTS = "assignment_incidents";
    private static final String VERSION = "~version";
    private static final String ROUTE = "~route:";

    private final MongoCollection<Document> segments;
    private final MongoCollection<Document> incidents;

    AssignmentState(MongoDatabase travesiaDatabase) {
        this.segments = travesiaDatabase.getCollection(SEGMENTS);
        this.incidents = travesiaDatabase.getCollection(INCIDENTS);
    }

    /** An incident as derivation sees it. */
    record IncidentPlace(String incidentId, Double lon, Double lat, String namedRouteId, String namedSegmentId,
                         boolean overridden, boolean retracted, String derivedRouteId, String derivedSegmentId) {

        boolean derivable() {
            return !overridden && !retracted && namedSegmentId == null;
        }

        IncidentPlace derived(String routeId, String segmentId) {
            return new IncidentPlace(incidentId, lon, lat, namedRouteId, namedSegmentId, overridden, retracted,
                    routeId, segmentId);
        }
    }

    void saveSegment(String routeId, String segmentId, Area area, boolean active) {
        segments.replaceOne(Filters.eq("_id", routeId + "/" + segmentId), new Document("_id", routeId + "/" + segmentId)
                .append("routeId", routeId).append("segmentId", segmentId)
                .append("coordinates", area == null ? null : area.coordinates()).append("active", active),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Notes that the segments changed with the event at {@code position}; an instance that took this processor over
     * from another compares it with the index it built.
     */
    void segmentsChangedAt(long position) {
        segments.replaceOne(Filters.eq("_id", VERSION), new Document("_id", VERSION).append("position", position),
                new ReplaceOptions().upsert(true));
    }

    long segmentsVersion() {
        Document version = segments.find(Filters.eq("_id", VERSION)).first();
        return version == null ? -1 : ((Number) version.get("position")).longValue();
    }

    void retireSegment(String routeId, String segmentId) {
        segments.updateOne(Filters.eq("_id", routeId + "/" + segmentId),
                new Document("$set", new Document("active", false)));
    }

    void saveRoute(String routeId) {
        segments.replaceOne(Filters.eq("_id", ROUTE + routeId), new Document("_id", ROUTE + routeId),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean hasRoute(String routeId) {
        return segments.find(Filters.eq("_id", ROUTE + routeId)).first() != null;
    }

    @Override
    public boolean hasActiveSegment(String routeId, String segmentId) {
        Document segment = segments.find(Filters.eq("_id", routeId + "/" + segmentId)).first();
        return segment != null && segment.getBoolean("active", false);
    }

    @SuppressWarnings("unchecked")
    List<SegmentIndex.Segment> activeSegments() {
        List<SegmentIndex.Segment> active = new ArrayList<>();
        for (Document segment : segments.find()) {
            if (segment.getBoolean("active", false)) {
                active.add(new SegmentIndex.Segment(segment.getString("routeId"), segment.getString("segmentId"),
                        Area.of((List<List<List<List<Double>>>>) (List<?>) segment.getList("coordinates", List.class))));
            }
        }
        return active;
    }

    Optional<IncidentPlace> incident(String incidentId) {
        return Optional.ofNullable(incidents.find(Filters.eq("_id", incidentId)).first()).map(AssignmentState::place);
    }

    void save(IncidentPlace place) {
        incidents.replaceOne(Filters.eq("_id", place.incidentId()), new Document("_id", place.incidentId())
                .append("lon", place.lon()).append("lat", place.lat())
                .append("namedRouteId", place.namedRouteId()).append("namedSegmentId", place.namedSegmentId())
                .append("overridden", place.overridden()).append("retracted", place.retracted())
                .append("derivedRouteId", place.derivedRouteId()).append("derivedSegmentId", place.derivedSegmentId()),
                new ReplaceOptions().upsert(true));
    }

    /** Every incident whose route may be derived: those with coordinates that neither an analyst nor the report fix. */
    List<IncidentPlace> derivableIncidents() {
        List<IncidentPlace> derivable = new ArrayList<>();
        for (Document incident : incidents.find(Filters.and(Filters.eq("overridden", false),
                Filters.eq("retracted", false), Filters.eq("namedSegmentId", null), Filters.ne("lon", null)))) {
            derivable.add(place(incident));
        }
        return derivable;
    }

    void deleteAll() {
        segments.deleteMany(new Document());
        incidents.deleteMany(new Document());
    }

    private static IncidentPlace place(Document d) {
        return new IncidentPlace(d.getString("_id"), d.getDouble("lon"), d.getDouble("lat"),
                d.getString("namedRouteId"), d.getString("namedSegmentId"), d.getBoolean("overridden", false),
                d.getBoolean("retracted", false), d.getString("derivedRouteId"), d.getString("derivedSegmentId"));
    }
}
