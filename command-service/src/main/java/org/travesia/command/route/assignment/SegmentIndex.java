package org.travesia.command.route.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.travesia.command.route.AreaGeometry;
import org.travesia.kernel.route.Area;

/**
 * The active segments of every route, in a JTS STRtree: a point is looked up among the few segments whose envelope
 * holds it, then tested against each one's prepared geometry (a point on the boundary counts as inside). Where
 * segments overlap, the first by route id, then segment id, wins, so that the answer never depends on the order
 * segments were drawn in. Immutable: rebuilt when a segment changes.
 */
final class SegmentIndex {

    /** One segment: where it is. */
    record Segment(String routeId, String segmentId, Area area) {
    }

    /** What a point falls in. */
    record Hit(String routeId, String segmentId) {
    }

    private record Entry(String routeId, String segmentId, PreparedGeometry geometry) {
    }

    private static final Comparator<Entry> PRECEDENCE = Comparator.comparing(Entry::routeId)
            .thenComparing(Entry::segmentId);

    private final STRtree tree = new STRtree();

    SegmentIndex(List<Segment> segments) {
        for (Segment segment : segments) {
            var geometry = AreaGeometry.toJts(segment.area());
            tree.insert(geometry.getEnvelopeInternal(), new Entry(segment.routeId(), segment.segmentId(),
                    PreparedGeometryFactory.prepare(geometry)));
        }
        tree.build();
    }

    /** The segment a point falls in, among every route's or, when {@code onRoute} is given, that route's. */
    Optional<Hit> locate(double lon, double lat, String onRoute) {
        Point point = AreaGeometry.point(lon, lat);
        @SuppressWarnings("unchecked")
        List<Entry> candidates = tree.query(point.getEnvelopeInternal());
        return candidates.stream()
                .filter(entry -> onRoute == null || onRoute.equals(entry.routeId()))
                .filter(entry -> entry.geometry().covers(point))
                .min(PRECEDENCE)
                .map(entry -> new Hit(entry.routeId(), entry.segmentId()));
    }
}
