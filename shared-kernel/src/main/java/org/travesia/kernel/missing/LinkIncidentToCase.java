package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Link an incident the person may have been part of; the caller has checked that the incident exists for them. */
public record LinkIncidentToCase(@TargetAggregateIdentifier String caseId, Long expectedVersion, String incidentId,
                                 String reason, Actor actor) {
}
