package org.travesia.query.route.api;

import java.util.List;
import java.util.Optional;

/** The routes and their segments, as the route projection holds them: reference data every reader may see. */
public interface RouteCatalogue {

    List<RouteView> all();

    Optional<RouteView> find(String routeId);

    /** A route and its segments (retired ones included, marked inactive). */
    record RouteView(String routeId, Name name, List<String> countries, List<SegmentView> segments) {

        public Optional<SegmentView> segment(String segmentId) {
            return segments.stream().filter(s -> s.segmentId().equals(segmentId)).findFirst();
        }
    }

    /** A segment: its area as GeoJSON MultiPolygon coordinates ([lon, lat]), and whether it is an approximation. */
    record SegmentView(String segmentId, Name name, List<List<List<List<Double>>>> area, List<String> adminAreas,
                       boolean approximation, boolean active) {
    }

    /** A name in English and Spanish. */
    record Name(String en, String es) {
    }
}
