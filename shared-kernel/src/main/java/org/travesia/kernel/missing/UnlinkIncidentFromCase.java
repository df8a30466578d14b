package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Withdraw a link to an incident; a reason is required. */
public record UnlinkIncidentFromCase(@TargetAggregateIdentifier String caseId, Long expectedVersion, String incidentId,
                                     String reason, Actor actor) {
}
