package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Erase the person's data for good: an admin of the owning organisation, with a reason. */
public record ErasePersonalData(@TargetAggregateIdentifier String caseId, Long expectedVersion, ErasureReason reason,
                                Actor actor) {
}
