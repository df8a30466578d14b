package org.travesia.command.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.travesia.kernel.common.Violation;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.route.Area;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A segment's area is a valid GeoJSON polygon or multipolygon; anything else is refused with a stable code. */
class SegmentGeometryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aClosedCounterClockwisePolygonIsReadAsAMultipolygonOfOne() {
        Area area = accepted("{\"type\":\"Polygon\",\"coordinates\":[[[-78,7],[-77,7],[-77,8],[-78,8],[-78,7]]]}");

        assertThat(area.type()).isEqualTo("MultiPolygon");
        assertThat(area.coordinates()).hasSize(1);
        assertThat(area.coordinates().get(0).get(0)).hasSize(5);
    }

    @Test
    void aClockwiseRingIsToleratedSinceItEnclosesTheSameArea() {
        accepted("{\"type\":\"Polygon\",\"coordinates\":[[[-78,7],[-78,8],[-77,8],[-77,7],[-78,7]]]}");
    }

    @Test
    void aMultipolygonWithAHoleIsAccepted() {
        accepted("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[10,0],[10,10],[0,10],[0,0]],"
                + "[[2,2],[2,4],[4,4],[4,2],[2,2]]],[[[20,20],[21,20],[21,21],[20,21],[20,20]]]]}");
    }

    @Test
    void aSelfIntersectingRingIsRefused() {
        assertThat(refused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}"))
                .extracting(Violation::code).isEqualTo("geometry.invalid");
    }

    @Test
    void anUnclosedRingIsRefused() {
        Violation violation = refused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}");

        assertThat(violation.code()).isEqualTo("geometry.ring-unclosed");
        assertThat(violation.field()).isEqualTo("geometry.coordinates[0]");
    }

    @Test
    void overlappingPolygonsOfOneMultipolygonAreRefused() {
        assertThat(refused("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[2,0],[2,2],[0,2],[0,0]]],"
                + "[[[1,1],[3,1],[3,3],[1,3],[1,1]]]]}").code()).isEqualTo("geometry.invalid");
    }

    @Test
    void otherGeometriesShortRingsAndPositionsOffTheGlobeAreRefused() {
        assertThat(refused("{\"type\":\"Point\",\"coordinates\":[0,0]}").code())
                .isEqualTo("geometry.type-unsupported");
        assertThat(refused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}").code())
                .isEqualTo("geometry.ring-too-short");
        assertThat(refused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[200,0],[1,1],[0,0]]]}").code())
                .isEqualTo("geometry.position-out-of-range");
        assertThat(refused("{\"type\":\"Polygon\",\"coordinates\":[[[0,\"a\"],[1,0],[1,1],[0,\"a\"]]]}").code())
                .isEqualTo("geometry.malformed");
    }

    private static Area accepted(String geoJson) {
        Violations v = new Violations();
        Area area = AreaGeometry.read(tree(geoJson), "geometry", v);
        assertThat(v.list()).isEmpty();
        return area;
    }

    private static Violation refused(String geoJson) {
        Violations v = new Violations();
        assertThat(AreaGeometry.read(tree(geoJson), "geometry", v)).isNull();
        assertThat(v.list()).hasSize(1);
        return v.list().get(0);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
