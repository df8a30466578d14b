package org.travesia.ops.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds route, segment and rule bodies for tests. */
public final class Routes {

    private Routes() {
    }

    public static Map<String, Object> route(String routeId) {
        return Map.of("routeId", routeId, "name", Map.of("en", "Test route " + routeId, "es", "Ruta " + routeId),
                "countries", List.of("PA"));
    }

    /** A square segment around a point, [lon, lat] corners, closed. */
    public static Map<String, Object> squareSegment(String segmentId, double lat, double lon, double halfSide) {
        List<List<Double>> ring = List.of(List.of(lon - halfSide, lat - halfSide), List.of(lon + halfSide, lat - halfSide),
                List.of(lon + halfSide, lat + halfSide), List.of(lon - halfSide, lat + halfSide),
                List.of(lon - halfSide, lat - halfSide));
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("segmentId", segmentId);
        segment.put("name", Map.of("en", "Segment " + segmentId, "es", "Tramo " + segmentId));
        segment.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(ring)));
        return segment;
    }

    public static Map<String, Object> threshold(String ruleId, String type, int minCount, int windowDays) {
        return Map.of("ruleId", ruleId, "kind", "THRESHOLD", "incidentTypes", List.of(type), "minCount", minCount,
                "windowDays", windowDays);
    }
}
