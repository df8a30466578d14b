package org.travesia.kernel.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Resolve an open or acknowledged alert, with a note. */
public record ResolveRouteAlert(@TargetAggregateIdentifier String routeId, String alertId, String note, Actor actor) {
}
