package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Shred an incident's free text (a victim's name typed into a description, say), keeping everything else. */
public record RedactIncidentFreeText(@TargetAggregateIdentifier String incidentId, Long expectedVersion, String reason,
                                     Actor actor) {
}
