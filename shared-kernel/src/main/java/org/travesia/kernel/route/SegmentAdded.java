package org.travesia.kernel.route;

import java.util.List;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/**
 * A segment was added to a route: its area, the administrative areas it covers (names, published even in public
 * exports) and whether the area is a rough approximation rather than a surveyed line.
 */
@EventType(name = "route.segment-added", revision = 1)
public record SegmentAdded(@DataSubject String routeId, String segmentId, RouteName name, Area area,
                           List<String> adminAreas, Boolean approximation) {
}
