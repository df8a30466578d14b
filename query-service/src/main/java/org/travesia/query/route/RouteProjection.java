package org.travesia.query.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.route.Area;
import org.travesia.kernel.route.RouteDefined;
import org.travesia.kernel.route.RouteName;
import org.travesia.kernel.route.SegmentAdded;
import org.travesia.kernel.route.SegmentRedrawn;
import org.travesia.kernel.route.SegmentRetired;
import org.travesia.query.route.api.RouteCatalogue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * Projects routes and their segments into {@code routes}, one document per route. Every change sets a value (a
 * segment replaced by its id), so a redelivered event changes nothing and a replay rebuilds the same documents.
 */
@Component
@ProcessingGroup("routes")
class RouteProjection implements RouteCatalogue {

    private final MongoCollection<Document> routes;

    RouteProjection(MongoDatabase travesiaDatabase) {
        this.routes = travesiaDatabase.getCollection("routes");
    }

    @EventHandler
    void on(RouteDefined event) {
        Document route = routes.find(Filters.eq("_id", event.routeId())).first();
        Document next = route == null ? new Document("_id", event.routeId()).append("segments", new ArrayList<>())
                : route;
        next.append("name", name(event.name())).append("countries", event.countries());
        save(next);
    }

    @EventHandler
    void on(SegmentAdded event) {
        change(event.routeId(), event.segmentId(), segment -> segment.append("name", name(event.name()))
                .append("area", coordinates(event.area())).append("adminAreas", event.adminAreas())
                .append("approximation", Boolean.TRUE.equals(event.approximation())).append("active", true));
    }

    @EventHandler
    void on(SegmentRedrawn event) {
        change(event.routeId(), event.segmentId(), segment -> segment.append("area", coordinates(event.area()))
                .append("adminAreas", event.adminAreas())
                .append("approximation", Boolean.TRUE.equals(event.approximation())));
    }

    @EventHandler
    void on(SegmentRetired event) {
        change(event.routeId(), event.segmentId(), segment -> segment.append("active", false));
    }

    @ResetHandler
    void reset() {
        routes.deleteMany(new Document());
    }

    @Override
    public List<RouteView> all() {
        List<RouteView> all = new ArrayList<>();
        routes.find().sort(Sorts.ascending("_id")).forEach(route -> all.add(view(route)));
        return all;
    }

    @Override
    public Optional<RouteView> find(String routeId) {
        return Optional.ofNullable(routes.find(Filters.eq("_id", routeId)).first()).map(RouteProjection::view);
    }

    private void change(String routeId, String segmentId, Consumer<Document> change) {
        Document route = routes.find(Filters.eq("_id", routeId)).first();
        if (route == null) {
            throw new IllegalStateException("Route " + routeId + " has a segment event before its definition");
        }
        List<Document> segments = new ArrayList<>(route.getList("segments", Document.class));
        Document segment = segments.stream().filter(s -> segmentId.equals(s.getString("segmentId"))).findFirst()
                .orElseGet(() -> {
                    Document added = new Document("segmentId", segmentId);
                    segments.add(added);
                    return added;
                });
        change.accept(segment);
        save(route.append("segments", segments));
    }

    private void save(Document route) {
        routes.replaceOne(Filters.eq("_id", route.getString("_id")), route, new ReplaceOptions().upsert(true));
    }

    private static Document name(RouteName name) {
        return name == null ? null : new Document("en", name.en()).append("es", name.es());
    }

    private static List<List<List<List<Double>>>> coordinates(Area area) {
        return area == null ? List.of() : area.coordinates();
    }

    @SuppressWarnings("unchecked")
    private static RouteView view(Document route) {
        List<SegmentView> segments = new ArrayList<>();
        for (Document s : route.getList("segments", Document.class)) {
            segments.add(new SegmentView(s.getString("segmentId"), nameOf(s.get("name", Document.class)),
                    (List<List<List<List<Double>>>>) s.get("area"), s.getList("adminAreas", String.class, List.of()),
                    s.getBoolean("approximation", false), s.getBoolean("active", false)));
        }
        return new RouteView(route.getString("_id"), nameOf(route.get("name", Document.class)),
                route.getList("countries", String.class, List.of()), segments);
    }

    private static Name nameOf(Document name) {
        return name == null ? null : new Name(name.getString("en"), name.getString("es"));
    }

    /** The GeoJSON a client reads for a segment's area. */
    static Map<String, Object> geoJson(SegmentView segment) {
        return Map.of("type", Area.MULTI_POLYGON, "coordinates", segment.area());
    }
}
