package org.travesia.command.route.api;

/**
 * Which routes and segments exist, for other features' checks (an analyst's override must name a real one). As
 * route assignment last saw them: a route drawn a moment ago may not be known yet.
 */
public interface RouteDirectory {

    boolean hasRoute(String routeId);

    boolean hasActiveSegment(String routeId, String segmentId);
}
