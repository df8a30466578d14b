package org.travesia.command.route;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.route.Area;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * GeoJSON areas (a {@code Polygon} or a {@code MultiPolygon}) read from a request, checked, and turned into JTS
 * geometry. The mapping is small enough to write here; JTS judges validity ({@link IsValidOp}): a self-intersecting
 * ring, a hole outside its shell or overlapping polygons are refused. Rings must be closed (first position equals the
 * last), as GeoJSON requires; their winding is not checked (RFC 7946 asks for counter-clockwise shells, but much
 * real data winds the other way, and the area is the same).
 */
public final class AreaGeometry {

    /** More positions than a hand-drawn or simplified route segment needs; keeps a hostile body cheap to refuse. */
    static final int MAX_POSITIONS = 20_000;
    private static final GeometryFactory JTS = new GeometryFactory(new PrecisionModel(), 4326);

    private AreaGeometry() {
    }

    /** The area a request's GeoJSON describes, as a multipolygon; violations under {@code field}. */
    static Area read(JsonNode geometry, String field, Violations v) {
        if (geometry == null || geometry.isNull()) {
            v.add(field, "field.required");
            return null;
        }
        String type = geometry.path("type").asText(null);
        JsonNode coordinates = geometry.get("coordinates");
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            v.add(field + ".type", "geometry.type-unsupported");
            return null;
        }
        if (coordinates == null || !coordinates.isArray()) {
            v.add(field + ".coordinates", "geometry.malformed");
            return null;
        }
        int positions = 0;
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(coordinates);
        } else {
            coordinates.forEach(polygons::add);
        }
        List<List<List<List<Double>>>> area = new ArrayList<>();
        for (int p = 0; p < polygons.size(); p++) {
            JsonNode rings = polygons.get(p);
            String polygonPath = field + ".coordinates" + ("Polygon".equals(type) ? "" : "[" + p + "]");
            if (!rings.isArray() || rings.isEmpty()) {
                v.add(polygonPath, "geometry.malformed");
                return null;
            }
            List<List<List<Double>>> polygon = new ArrayList<>();
            for (int r = 0; r < rings.size(); r++) {
                JsonNode ring = rings.get(r);
                String ringPath = polygonPath + "[" + r + "]";
                if (!ring.isArray()) {
                    v.add(ringPath, "geometry.malformed");
                    return null;
                }
                positions += ring.size();
                if (positions > MAX_POSITIONS) {
                    v.add(field, "geometry.too-large", MAX_POSITIONS);
                    return null;
                }
                List<List<Double>> points = new ArrayList<>();
                for (int i = 0; i < ring.size(); i++) {
                    JsonNode position = ring.get(i);
                    if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                            || !position.get(1).isNumber()) {
                        v.add(ringPath + "[" + i + "]", "geometry.malformed");
                        return null;
                    }
                    double lon = position.get(0).asDouble();
                    double lat = position.get(1).asDouble();
                    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                        v.add(ringPath + "[" + i + "]", "geometry.position-out-of-range");
                        return null;
                    }
                    points.add(List.of(lon, lat));
                }
                if (points.size() < 4) {
                    v.add(ringPath, "geometry.ring-too-short");
                    return null;
                }
                if (!points.get(0).equals(points.get(points.size() - 1))) {
                    v.add(ringPath, "geometry.ring-unclosed");
                    return null;
                }
                polygon.add(points);
            }
            area.add(polygon);
        }
        Area result = Area.of(area);
        TopologyValidationError error = new IsValidOp(toJts(result)).getValidationError();
        if (error != null) {
            v.add(field, "geometry.invalid", TopologyValidationError.errMsg[error.getErrorType()]);
            return null;
        }
        return result;
    }

    /** An area as JTS geometry, for point-in-polygon and validity; the area must have been read by this class. */
    public static MultiPolygon toJts(Area area) {
        Polygon[] polygons = new Polygon[area.coordinates().size()];
        for (int p = 0; p < polygons.length; p++) {
            List<List<List<Double>>> rings = area.coordinates().get(p);
            LinearRing shell = ring(rings.get(0));
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int h = 1; h < rings.size(); h++) {
                holes[h - 1] = ring(rings.get(h));
            }
            polygons[p] = JTS.createPolygon(shell, holes);
        }
        return JTS.createMultiPolygon(polygons);
    }

    public static org.locationtech.jts.geom.Point point(double lon, double lat) {
        return JTS.createPoint(new Coordinate(lon, lat));
    }

    private static LinearRing ring(List<List<Double>> positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(positions.get(i).get(0), positions.get(i).get(1));
        }
        return JTS.createLinearRing(coordinates);
    }
}
