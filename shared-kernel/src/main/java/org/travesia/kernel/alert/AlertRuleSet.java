package org.travesia.kernel.alert;

import java.util.List;

import org.travesia.kernel.contract.DataSubject;
import org.travesia.kernel.contract.EventType;

/**
 * An organisation set an alert rule on a route (setting it again with the same id replaces it). The rule sees what
 * {@code organisation} may read, nothing more. {@code kind} is an {@link AlertRuleKind} code; a threshold uses
 * {@code incidentTypes} (empty: every type), {@code minCount} or {@code minDeadAndMissing}, and {@code windowDays}; a
 * spike uses {@code incidentTypes}, {@code factor}, {@code baselineWeeks} and {@code minCount}. A null
 * {@code segmentId} watches each segment of the route separately.
 */
@EventType(name = "route.alert-rule-set", revision = 1)
public record AlertRuleSet(@DataSubject String routeId, String organisation, String ruleId, String kind,
                           String segmentId, List<String> incidentTypes, Integer minCount, Integer minDeadAndMissing,
                           Integer windowDays, Double factor, Integer baselineWeeks) {
}
