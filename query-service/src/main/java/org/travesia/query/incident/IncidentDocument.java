package org.travesia.query.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.platform.axon.StorageJson;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.query.incident.api.IncidentState;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The shape of a document in the {@code incidents} read model (and of the states kept in its history): the key of
 * every field, and the typed mapping of the incident's facts, which are stored as the events record them, plain,
 * under {@value #DETAILS}. Reads map the stored facts back to {@link IncidentFacts}; nothing is re-validated.
 */
final class IncidentDocument {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String ORGANISATION = "organisation";
    static final String REPORTED_BY = "reportedBy";
    static final String CLIENT_REPORT_ID = "clientReportId";
    static final String SHARING = "sharing";
    static final String STATUS = "status";
    static final String VERIFIED = "verified";
    static final String DUPLICATE_OF = "duplicateOf";
    static final String RETRACTED = "retracted";
    static final String DETAILS = "details";
    static final String SOURCES = "sources";
    static final String EFFECTIVE_QUALITY = "effectiveQuality";
    static final String OCCURRED_FROM = "occurredFrom";
    static final String RECORDED_AT = "recordedAt";
    static final String UPDATED_AT = "updatedAt";
    /**
     * The global position of the last event applied to the incident: a snapshot pinned at a position takes the
     * document as it stands when this is at or below the pin, and the state kept in history otherwise. Documents
     * written by a build from before it lack it; they are taken as they stand (see {@link PinnedIncidents}).
     */
    static final String POSITION = "position";

    /** Curation entries, each with who, when and a note or reason. */
    static final String VERIFICATION = "verification";
    static final String DUPLICATE = "duplicate";
    static final String RETRACTION = "retraction";
    static final String BY = "by";
    static final String AT = "at";
    static final String NOTE = "note";
    static final String REASON = "reason";

    /** Paths into the facts that searches filter on and indexes serve. */
    /** Where the incident counts ({@code RouteAssignment}): route, segment and method. Filters use it. */
    static final String ROUTE_ASSIGNMENT = "routeAssignment";
    static final String DERIVED_ROUTE = "derivedRoute";
    static final String OVERRIDDEN_ROUTE = "overriddenRoute";
    static final String ROUTE = ROUTE_ASSIGNMENT + ".routeId";
    static final String SEGMENT = ROUTE_ASSIGNMENT + ".segmentId";
    static final String TYPE = DETAILS + ".type";
    static final String COUNTRY = DETAILS + ".place.country";
    static final String LATITUDE = DETAILS + ".place.coordinates.lat";
    static final String LONGITUDE = DETAILS + ".place.coordinates.lon";
    static final String AFFECTED_IN_DETAILS = "affected";
    static final String AFFECTED = DETAILS + "." + AFFECTED_IN_DETAILS;
    static final String CONSENT_OBTAINED = DETAILS + ".consent.obtained";
    static final String CONSENT_USES = DETAILS + ".consent.uses";
    /**
     * The licence of the public dataset an incident was taken from, on its source: the slot an import of such a
     * dataset (MMP's, CC BY-IGO) fills, and that stands in for consent. Reports made through the API cannot set it
     * (the report's source has no such field), so it is read from the stored facts by path, not through
     * {@link IncidentFacts}.
     */
    static final String LICENCE_IN_SOURCE = "licence";
    static final String LICENCE = DETAILS + ".source." + LICENCE_IN_SOURCE;
    /** The Missing Migrants Project's record of an incident taken from it ({@code MmpRecord}), as imported. */
    static final String MMP = "mmp";
    static final String MMP_ROUTE = MMP + ".routeName";

    private static final JsonMapper JSON = StorageJson.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final java.util.Set<String> FACT_FIELDS = java.util.Arrays
            .stream(IncidentFacts.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private IncidentDocument() {
    }

    static Document details(IncidentFacts facts) {
        return new Document(JSON.convertValue(facts, MAP));
    }

    static Document mmp(org.travesia.kernel.incident.MmpRecord record) {
        return new Document(JSON.convertValue(record, MAP));
    }

    static Document source(IncidentFacts.Source source) {
        return new Document(JSON.convertValue(source, MAP));
    }

    static IncidentFacts facts(Document incident) {
        return factsFrom(incident.get(DETAILS, Document.class));
    }

    /** Facts from a document of some of their fields (a history entry's change, say). */
    static IncidentFacts factsFrom(Document details) {
        return JSON.convertValue(details, IncidentFacts.class);
    }

    /** Whether {@code field} is one of the incident's facts (not its status, sharing or sources). */
    static boolean isFact(String field) {
        return FACT_FIELDS.contains(field);
    }

    static IncidentFacts.Source sourceFacts(Document source) {
        return JSON.convertValue(source, IncidentFacts.Source.class);
    }

    /** The incident's state, its facts opened with {@code opener}. */
    static IncidentState state(Document incident, SubjectOpener opener) {
        String id = incident.getString(ID);
        SubjectOpener.OpenedRecord<IncidentFacts> facts = opener.openRecord(DataSubject.incident(id), facts(incident),
                "");
        return new IncidentState(id, incident.getLong(VERSION), incident.getString(STATUS),
                incident.getString(DUPLICATE_OF), incident.getString(ORGANISATION), incident.getString(SHARING),
                incident.getString(REPORTED_BY), instant(incident.getDate(OCCURRED_FROM)),
                instant(incident.getDate(RECORDED_AT)), instant(incident.getDate(UPDATED_AT)),
                effectiveQuality(incident), licence(incident), facts.value(), facts.shredded(), attribution(incident),
                mmpRecord(incident));
    }

    /** The MMP record an imported incident carries, as imported; null for any other incident. */
    static org.travesia.kernel.incident.MmpRecord mmpRecord(Document incident) {
        Document record = incident.get(MMP, Document.class);
        return record == null ? null : JSON.convertValue(record, org.travesia.kernel.incident.MmpRecord.class);
    }

    /** The licence on the incident's source, when it is a non-empty text; else null. */
    static String licence(Document incident) {
        Document source = incident.get(DETAILS, Document.class).get("source", Document.class);
        return source != null && source.get(LICENCE_IN_SOURCE) instanceof String licence && !licence.isEmpty()
                ? licence : null;
    }

    /** Whom the public dataset the incident was taken from asks to be credited, as its imported record says. */
    static String attribution(Document incident) {
        return IncidentFilters.value(incident, MMP + ".attribution") instanceof String attribution
                && !attribution.isEmpty() ? attribution : null;
    }

    static Integer effectiveQuality(Document incident) {
        Number quality = incident.get(EFFECTIVE_QUALITY, Number.class);
        return quality == null ? null : quality.intValue();
    }

    /**
     * The earliest instant the incident may have occurred, as UTC, to order and filter by: a date from its start in
     * UTC, a date-time as it is. Null when the recorded value is missing or cannot be read: history is shown as
     * recorded, not refused.
     */
    static Date occurredFrom(IncidentFacts facts) {
        String occurredAt = facts.occurredAt();
        if (occurredAt == null) {
            return null;
        }
        try {
            Instant earliest = occurredAt.length() <= 10
                    ? LocalDate.parse(occurredAt).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(occurredAt).toInstant();
            return Date.from(earliest);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
