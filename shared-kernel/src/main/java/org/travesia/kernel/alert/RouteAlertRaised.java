package org.travesia.kernel.alert;

import java.util.List;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/**
 * A rule's figures crossed its threshold on a segment. {@code alertId} is derived from the organisation, the rule,
 * the segment and {@code triggerPosition} (the global position of the event that made the count cross), so that a
 * retry, a restart or a replay asks for the same alert again and the route recognises it. The window is two dates
 * (ISO 8601, both included); {@code incidentIds} are the contributing incidents, all visible to
 * {@code organisation}.
 */
@EventType(name = "route.alert-raised", revision = 1)
public record RouteAlertRaised(@DataSubject String routeId, String alertId, String organisation, String ruleId,
                               String segmentId, String windowFrom, String windowTo, AlertFigures figures,
                               List<String> incidentIds, Long triggerPosition) {
}
