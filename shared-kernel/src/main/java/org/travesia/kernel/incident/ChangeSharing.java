package org.travesia.kernel.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;

/** Widen or narrow who may see a report. */
public record ChangeSharing(@TargetAggregateIdentifier String incidentId, Long expectedVersion, SharingLevel sharing,
                            String reason, Actor actor) {
}
