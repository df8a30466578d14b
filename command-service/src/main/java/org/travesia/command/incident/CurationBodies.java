package org.travesia.command.incident;

import java.util.Map;

/** The bodies of the curation writes on {@code /api/v1/incidents/{id}/…}, as clients send them. */
final class CurationBodies {

    private CurationBodies() {
    }

    record Amendment(Long expectedVersion, String reason, Map<String, Object> changes) {
    }

    record Verification(Long expectedVersion, String note) {
    }

    record DuplicateOf(Long expectedVersion, String incidentId, String reason) {
    }

    record Retraction(Long expectedVersion, String reason) {
    }

    record SourceAttachment(Long expectedVersion, String type, Integer quality, String reference) {
    }

    record RouteOverride(String routeId, String segmentId, String reason) {
    }

    record Sharing(Long expectedVersion, String sharing, String reason) {
    }

    record Redaction(Long expectedVersion, String reason) {
    }
}
