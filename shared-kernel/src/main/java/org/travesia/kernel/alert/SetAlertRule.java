package org.travesia.kernel.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Set (or replace) an alert rule of the actor's organisation on a route. */
public record SetAlertRule(@TargetAggregateIdentifier String routeId, AlertRule rule, Actor actor) {
}
