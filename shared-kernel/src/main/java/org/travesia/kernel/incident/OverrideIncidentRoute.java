package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** An analyst sets the incident's route and segment, with a reason. */
public record OverrideIncidentRoute(@TargetAggregateIdentifier String incidentId, String routeId, String segmentId,
                                    String reason, Actor actor) {
}
