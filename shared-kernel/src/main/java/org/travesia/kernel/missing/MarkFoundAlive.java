package org.travesia.kernel.missing;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** The person was found alive on {@code date} (today when not given). */
public record MarkFoundAlive(@TargetAggregateIdentifier String caseId, Long expectedVersion, LocalDate date,
                             String note, Actor actor) {
}
