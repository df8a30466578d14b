package org.travesia.command.missing;

import java.util.List;

/** The bodies of the writes on {@code /api/v1/missing-persons}, as clients send them: codes and dates as strings. */
final class MissingPersonRequests {

    private MissingPersonRequests() {
    }

    record ReportBody(String clientReportId, PersonBody person, LastSeenBody lastSeen, ReporterBody reporter,
                      ConsentBody consent, String sharing) {
    }

    record PersonBody(String fullName, List<String> aliases, String sex, AgeRangeBody ageRange, Integer yearOfBirth,
                      String nationality, List<String> languages, String distinguishingFeatures) {
    }

    record AgeRangeBody(Integer min, Integer max) {
    }

    record LastSeenBody(String date, String precision, PlaceBody place, String routeId, String segmentId) {
    }

    record PlaceBody(String country, String admin1, String admin2, String locality, CoordinatesBody coordinates,
                     String precision) {
    }

    record CoordinatesBody(Double lat, Double lon) {
    }

    record ReporterBody(String relationship, String contact) {
    }

    record ConsentBody(Boolean obtained, List<String> uses, String givenBy) {
    }

    record SightingBody(Long expectedVersion, String date, String precision, PlaceBody place, String source,
                        String confidence, String note) {
    }

    record IncidentLinkBody(Long expectedVersion, String incidentId, String reason) {
    }

    record ReasonBody(Long expectedVersion, String reason) {
    }

    record FoundAliveBody(Long expectedVersion, String date, String note) {
    }

    record FoundDeceasedBody(Long expectedVersion, String incidentId, String note) {
    }

    record ErasureBody(Long expectedVersion, String reason) {
    }
}
