package org.travesia.command.incident;

import java.util.List;

/**
 * The body of {@code POST /api/v1/incidents}, as the client sends it. Codes arrive as strings so that every unknown
 * code is reported with its field, all at once, when {@link IncidentRequestMapper} has the kernel judge them.
 */
record IncidentReportRequest(String clientReportId, String type, String accidentSubtype, String occurredAt,
                             String occurredAtPrecision, String reportedAt, PlaceBody place, String routeId,
                             String segmentId, AffectedBody affected, List<String> nationalities, String perpetrator,
                             List<String> causesOfDeath, SourceBody source, String description, String sharing,
                             ConsentBody consent) {

    record PlaceBody(String country, String admin1, String admin2, String locality, CoordinatesBody coordinates,
                     String precision) {
    }

    record CoordinatesBody(Double lat, Double lon) {
    }

    record AffectedBody(Integer dead, Integer missing, Integer injured, Integer survivors, Integer female,
                        Integer male, Integer children, Integer unaccompaniedChildren) {
    }

    record SourceBody(String type, Integer quality, String reference) {
    }

    record ConsentBody(Boolean obtained, List<String> uses) {
    }
}
