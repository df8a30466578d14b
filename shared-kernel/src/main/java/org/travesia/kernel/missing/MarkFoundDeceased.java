package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** The person was found dead, in a death incident the caller has checked exists for them. */
public record MarkFoundDeceased(@TargetAggregateIdentifier String caseId, Long expectedVersion, String incidentId,
                                String note, Actor actor) {
}
