package org.travesia.kernel.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Acknowledge an open alert, with a note. */
public record AcknowledgeRouteAlert(@TargetAggregateIdentifier String routeId, String alertId, String note,
                                    Actor actor) {
}
