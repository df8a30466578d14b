package org.travesia.kernel.route;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Add a segment with a valid area (checked at the edge); a segment id, once used, is never used again. */
public record AddSegment(@TargetAggregateIdentifier String routeId, String segmentId, RouteName name, Area area,
                         List<String> adminAreas, boolean approximation, Actor actor) {
}
