package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** An analyst confirms a report. */
public record VerifyIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion, String note,
                             Actor actor) {
}
