package org.travesia.kernel.alert;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the alert evaluator when a rule's figures cross on a segment; see {@link RouteAlertRaised}. */
public record RaiseRouteAlert(@TargetAggregateIdentifier String routeId, String alertId, String organisation,
                              String ruleId, String segmentId, String windowFrom, String windowTo,
                              AlertFigures figures, List<String> incidentIds, long triggerPosition) {
}
