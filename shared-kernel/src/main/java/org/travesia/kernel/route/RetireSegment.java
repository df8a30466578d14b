package org.travesia.kernel.route;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Retire an active segment, with a reason. */
public record RetireSegment(@TargetAggregateIdentifier String routeId, String segmentId, String reason, Actor actor) {
}
