package org.travesia.kernel.route;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Redraw an active segment's area, with a reason. */
public record RedrawSegment(@TargetAggregateIdentifier String routeId, String segmentId, Area area,
                            List<String> adminAreas, boolean approximation, String reason, Actor actor) {
}
