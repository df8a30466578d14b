package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** An analyst marks a report as a duplicate of another, which survives. */
public record MarkIncidentAsDuplicate(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
                                      String survivingIncidentId, String reason, Actor actor) {
}
