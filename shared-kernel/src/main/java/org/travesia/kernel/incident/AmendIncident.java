package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/**
 * Correct a report: the fields to change ({@link IncidentPatch}), why, and the version the amender saw. The reason
 * is mandatory.
 */
public record AmendIncident(@TargetAggregateIdentifier String incidentId, long expectedVersion, IncidentPatch changes,
                            String reason, Actor actor) {
}
