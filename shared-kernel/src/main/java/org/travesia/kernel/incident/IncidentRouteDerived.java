package org.travesia.kernel.incident;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/**
 * The route and segment of an incident whose report names no route were derived from its coordinates;
 * {@code method} says how ({@code POINT_IN_POLYGON}). A null route means the coordinates are in no active segment
 * any more (a segment was redrawn or retired). A report that names its route, and an analyst's override, win over it.
 * {@code basedOnPosition} is the global position of the event the derivation follows from (the report or amendment
 * that placed the incident, or the segment drawn or redrawn): a derivation based on an earlier position than the
 * last one recorded is stale (a replay of route assignment) and is not recorded.
 */
@EventType(name = "incident.route-derived", revision = 1)
public record IncidentRouteDerived(@DataSubject String incidentId, String routeId, String segmentId,
                                   String method, Long basedOnPosition) {

    public static final String POINT_IN_POLYGON = "POINT_IN_POLYGON";
}
