package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by route assignment: the segment the incident's coordinates fall in (null route: none), as of the event at
 * {@code basedOnPosition}.
 */
public record DeriveIncidentRoute(@TargetAggregateIdentifier String incidentId, String routeId, String segmentId,
                                  long basedOnPosition) {
}
