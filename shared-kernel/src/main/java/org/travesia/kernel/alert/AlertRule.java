package org.travesia.kernel.alert;

import java.util.List;

/** An alert rule as a command carries it, checked at the edge ({@code AlertRuleSet} documents the fields). */
public record AlertRule(String ruleId, AlertRuleKind kind, String segmentId, List<String> incidentTypes,
                        Integer minCount, Integer minDeadAndMissing, Integer windowDays, Double factor,
                        Integer baselineWeeks) {

    public AlertRule {
        incidentTypes = incidentTypes == null ? List.of() : List.copyOf(incidentTypes);
    }
}
