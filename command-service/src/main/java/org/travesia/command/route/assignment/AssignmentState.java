package org.travesia.command.route.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.command.route.api.RouteDirectory;
import org.travesia.kernel.route.Area;
import org.travesia.platform.viewwrites.ViewWrites;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * What route assignment remembers, in its own collections: every segment drawn ({@code assignment_segments}) and,
 * per incident, what derivation needs ({@code assignment_incidents}): its coordinates, the route and segment its
 * report names, whether an analyst overrode it or it was retracted, and the derivation last recorded. Every read and
 * write is by {@code _id}, which the embedded store serves from its index, but the scans of segments and derivable
 * incidents.
 * <p>
 * Within a processed batch the writes are held and sent when it ends, one bulk write per collection
 * ({@link ViewWrites}); what the batch wrote so far is kept beside them ({@link ViewWrites#local}) and every read of
 * the processor looks there first, so a later event of the batch sees an earlier one's place or segment. The
 * {@link RouteDirectory} reads come from command handlers, outside any batch, and see what batches have sent.
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

    /** The one step of a batch's writes: segments and places never depend on each other's being written first. */
    private static final int STEP = 0;

    void saveSegment(String routeId, String segmentId, Area area, boolean active) {
        writeSegment(new Document("_id", routeId + "/" + segmentId).append("routeId", routeId)
                .append("segmentId", segmentId).append("coordinates", area == null ? null : area.coordinates())
                .append("active", active));
    }

    /**
     * Notes that the segments changed with the event at {@code position}; an instance that took this processor over
     * from another compares it with the index it built.
     */
    void segmentsChangedAt(long position) {
        writeSegment(new Document("_id", VERSION).append("position", position));
    }

    long segmentsVersion() {
        Document version = segment(VERSION);
        return version == null ? -1 : ((Number) version.get("position")).longValue();
    }

    void retireSegment(String routeId, String segmentId) {
        Document segment = segment(routeId + "/" + segmentId);
        if (segment != null) {
            writeSegment(new Document(segment).append("active", false));
        }
    }

    void saveRoute(String routeId) {
        writeSegment(new Document("_id", ROUTE + routeId));
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
        Map<Object, Document> all = new LinkedHashMap<>();
        segments.find().forEach(segment -> all.put(segment.get("_id"), segment));
        all.putAll(segmentsWritten(ViewWrites.current()));
        List<SegmentIndex.Segment> active = new ArrayList<>();
        for (Document segment : all.values()) {
            if (segment.getBoolean("active", false)) {
                active.add(new SegmentIndex.Segment(segment.getString("routeId"), segment.getString("segmentId"),
                        Area.of((List<List<List<List<Double>>>>) (List<?>) segment.getList("coordinates", List.class))));
            }
        }
        return active;
    }

    Optional<IncidentPlace> incident(String incidentId) {
        IncidentPlace written = placesWritten(ViewWrites.current()).get(incidentId);
        if (written != null) {
            return Optional.of(written);
        }
        return Optional.ofNullable(incidents.find(Filters.eq("_id", incidentId)).first()).map(AssignmentState::place);
    }

    void save(IncidentPlace place) {
        ViewWrites writes = ViewWrites.current();
        writes.upsert(STEP, incidents, new Document("_id", place.incidentId())
                .append("lon", place.lon()).append("lat", place.lat())
                .append("namedRouteId", place.namedRouteId()).append("namedSegmentId", place.namedSegmentId())
                .append("overridden", place.overridden()).append("retracted", place.retracted())
                .append("derivedRouteId", place.derivedRouteId()).append("derivedSegmentId", place.derivedSegmentId()));
        placesWritten(writes).put(place.incidentId(), place);
    }

    /**
     * Every incident whose route may be derived: those with coordinates that neither an analyst nor the report fix,
     * as the batch has left them.
     */
    List<IncidentPlace> derivableIncidents() {
        Map<String, IncidentPlace> written = placesWritten(ViewWrites.current());
        List<IncidentPlace> derivable = new ArrayList<>();
        for (Document incident : incidents.find(Filters.and(Filters.eq("overridden", false),
                Filters.eq("retracted", false), Filters.eq("namedSegmentId", null), Filters.ne("lon", null)))) {
            if (!written.containsKey(incident.getString("_id"))) {
                derivable.add(place(incident));
            }
        }
        written.values().stream().filter(place -> place.derivable() && place.lon() != null).forEach(derivable::add);
        return derivable;
    }

    void deleteAll() {
        segments.deleteMany(new Document());
        incidents.deleteMany(new Document());
    }

    private Document segment(String id) {
        Document written = segmentsWritten(ViewWrites.current()).get(id);
        return written != null ? written : segments.find(Filters.eq("_id", id)).first();
    }

    private void writeSegment(Document segment) {
        ViewWrites writes = ViewWrites.current();
        writes.upsert(STEP, segments, segment);
        segmentsWritten(writes).put(segment.get("_id"), ViewWrites.asStored(segments, segment));
    }

    private Map<Object, Document> segmentsWritten(ViewWrites writes) {
        return writes.local(segments, LinkedHashMap::new);
    }

    private Map<String, IncidentPlace> placesWritten(ViewWrites writes) {
        return writes.local(incidents, LinkedHashMap::new);
    }

    private static IncidentPlace place(Document d) {
        return new IncidentPlace(d.getString("_id"), d.getDouble("lon"), d.getDouble("lat"),
                d.getString("namedRouteId"), d.getString("namedSegmentId"), d.getBoolean("overridden", false),
                d.getBoolean("retracted", false), d.getString("derivedRouteId"), d.getString("derivedSegmentId"));
    }
}
