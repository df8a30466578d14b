package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Open a closed or found case again, with a reason. */
public record ReopenCase(@TargetAggregateIdentifier String caseId, Long expectedVersion, String reason, Actor actor) {
}
