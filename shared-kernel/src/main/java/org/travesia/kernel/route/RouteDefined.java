package org.travesia.kernel.route;

import java.util.List;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/** A route to monitor was defined: its slug id, its name and the countries it crosses (ISO 3166-1 alpha-2). */
@EventType(name = "route.defined", revision = 1)
public record RouteDefined(@DataSubject String routeId, RouteName name, List<String> countries) {
}
