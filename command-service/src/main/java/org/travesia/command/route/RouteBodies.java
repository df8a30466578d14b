package org.travesia.command.route;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The bodies of the route writes, as clients send them. */
final class RouteBodies {

    private RouteBodies() {
    }

    record Name(String en, String es) {
    }

    record Route(String routeId, Name name, List<String> countries) {
    }

    record Segment(String segmentId, Name name, JsonNode geometry, List<String> adminAreas, Boolean approximation) {
    }

    record Redrawing(JsonNode geometry, List<String> adminAreas, Boolean approximation, String reason) {
    }

    record Retirement(String reason) {
    }

    record Rule(String ruleId, String kind, String segmentId, List<String> incidentTypes, Integer minCount,
                Integer minDeadAndMissing, Integer windowDays, Double factor, Integer baselineWeeks) {
    }

    record Note(String note) {
    }
}
