package org.travesia.kernel.missing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Close a case, with a reason. */
public record CloseCase(@TargetAggregateIdentifier String caseId, Long expectedVersion, String reason, Actor actor) {
}
