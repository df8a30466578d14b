package org.travesia.kernel.route;

import java.util.List;

/**
 * A segment's area as GeoJSON stores it: always a {@code MultiPolygon} (a polygon is a multipolygon of one), each
 * position {@code [lon, lat]} in WGS84, each ring closed. Plain lists, so that the stored shape is GeoJSON itself and
 * any tool can read it; validity is judged when a command is accepted, never when history is read.
 */
public record Area(String type, List<List<List<List<Double>>>> coordinates) {

    public static final String MULTI_POLYGON = "MultiPolygon";

    public static Area of(List<List<List<List<Double>>>> polygons) {
        return new Area(MULTI_POLYGON, polygons);
    }
}
