package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** An analyst withdraws a report (wrong, fabricated, or reported in error). Its history remains. */
public record RetractIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion, String reason,
                              Actor actor) {
}
