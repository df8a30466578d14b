package org.travesia.kernel.route;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.travesia.kernel.common.Actor;

/** Define a route. Defining it again with the same name and countries changes nothing (the seed relies on it). */
public record DefineRoute(@TargetAggregateIdentifier String routeId, RouteName name, List<String> countries,
                          Actor actor) {
}
