package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Add a corroborating source to a report. */
public record AttachSource(@TargetAggregateIdentifier String incidentId, Long expectedVersion, Source source,
                           Actor actor) {
}
