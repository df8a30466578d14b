package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Record that someone saw the person. */
public record RecordSighting(@TargetAggregateIdentifier String caseId, Long expectedVersion, Sighting sighting,
                             Actor actor) {
}
