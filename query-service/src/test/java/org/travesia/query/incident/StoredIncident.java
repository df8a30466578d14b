package org.travesia.query.incident;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/**
 * Builds incident read-model documents for tests, as the projection stores them, including what only an import can
 * write (a licence on the source). Public and consenting to nothing unless told otherwise.
 */
final class StoredIncident {

    private final String id;
    private String organisation = "org-a";
    private String sharing = "PUBLIC";
    private Document consent = new Document("obtained", false).append("uses", List.of());
    private Object licence;

    private StoredIncident(String id) {
        this.id = id;
    }

    static StoredIncident incident(String id) {
        return new StoredIncident(id);
    }

    StoredIncident of(String reportingOrganisation) {
        this.organisation = reportingOrganisation;
        return this;
    }

    StoredIncident sharedWith(String level) {
        this.sharing = level;
        return this;
    }

    StoredIncident consentingTo(String... uses) {
        this.consent = new Document("obtained", uses.length > 0).append("uses", List.of(uses));
        return this;
    }

    /** Consent recorded as not obtained, yet with uses listed (as history under older rules may hold it). */
    StoredIncident notObtainedButListing(String... uses) {
        this.consent = new Document("obtained", false).append("uses", List.of(uses));
        return this;
    }

    StoredIncident licensed(Object licenceValue) {
        this.licence = licenceValue;
        return this;
    }

    Document document(long version, Instant updatedAt) {
        Document source = new Document("type", "MEDIA").append("quality", 3);
        if (licence != null) {
            source.append(IncidentDocument.LICENCE_IN_SOURCE, licence);
        }
        return new Document(IncidentDocument.ID, id)
                .append(IncidentDocument.VERSION, version)
                .append(IncidentDocument.ORGANISATION, organisation)
                .append(IncidentDocument.REPORTED_BY, "maria")
                .append(IncidentDocument.SHARING, sharing)
                .append(IncidentDocument.STATUS, "REPORTED")
                .append(IncidentDocument.DETAILS, new Document("type", "KIDNAPPING").append("occurredAt", "2026-11-20")
                        .append("place", new Document("country", "PA")).append("source", source)
                        .append("consent", consent))
                .append(IncidentDocument.OCCURRED_FROM, Date.from(Instant.parse("2026-11-20T00:00:00Z")))
                .append(IncidentDocument.RECORDED_AT, Date.from(Instant.parse("2026-11-21T00:00:00Z")))
                .append(IncidentDocument.UPDATED_AT, Date.from(updatedAt));
    }

    /** The history entry of event {@code version}, recorded at {@code at}, holding this as the state after it. */
    Document historyEntry(long version, Instant at) {
        return new Document(IncidentHistoryDocument.ID, id + "-" + version)
                .append(IncidentHistoryDocument.INCIDENT_ID, id)
                .append(IncidentHistoryDocument.SEQUENCE, version)
                .append(IncidentHistoryDocument.RECORDED_AT, Date.from(at))
                .append(IncidentHistoryDocument.STATE, document(version, at));
    }

    String id() {
        return id;
    }
}
