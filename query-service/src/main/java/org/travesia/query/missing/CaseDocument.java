package org.travesia.query.missing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import org.travesia.platform.axon.StorageJson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The shape of a document in the {@code missing_persons} read model: the case's current state, its personal fields
 * sealed exactly as the events hold them, and the blind index of the person's names and year of birth (keyed hashes,
 * dropped when the person is erased).
 */
final class CaseDocument {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String ORGANISATION = "organisation";
    static final String SHARING = "sharing";
    static final String REPORTED_BY = "reportedBy";
    static final String CLIENT_REPORT_ID = "clientReportId";
    static final String STATUS = "status";
    static final String ERASED = "erased";
    static final String ERASURE = "erasure";
    static final String PERSON = "person";
    static final String LAST_SEEN = "lastSeen";
    static final String REPORTER = "reporter";
    static final String CONSENT = "consent";
    static final String SIGHTINGS = "sightings";
    static final String INCIDENT_IDS = "incidentIds";
    static final String FOUND_ALIVE = "foundAlive";
    static final String FOUND_DECEASED = "foundDeceased";
    static final String CLOSURE = "closure";
    static final String REOPENING = "reopening";
    static final String LAST_SEEN_FROM = "lastSeenFrom";
    static final String RECORDED_AT = "recordedAt";
    static final String UPDATED_AT = "updatedAt";
    static final String NAME_INDEX = "nameIndex";
    static final String BIRTH_YEAR_INDEX = "birthYearIndex";

    /** Curation entries: who, when, and a note or reason (sealed). */
    static final String BY = "by";
    static final String AT = "at";

    /** Paths that searches filter on. */
    static final String ROUTE = LAST_SEEN + ".routeId";
    static final String SEGMENT = LAST_SEEN + ".segmentId";
    static final String COUNTRY = LAST_SEEN + ".place.country";
    static final String SEX = PERSON + ".sex";

    private static final JsonMapper JSON = StorageJson.mapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private CaseDocument() {
    }

    /** A record as a document, fields as the events name them. */
    static Document of(Object record) {
        return record == null ? null : new Document(JSON.convertValue(record, MAP));
    }

    /** A document read back as a record. */
    static <T> T as(Object document, Class<T> type) {
        return document == null ? null : JSON.convertValue(document, type);
    }

    /** The first instant of a recorded day, as UTC: to order and filter by; null when it cannot be read. */
    static Date startOf(String day) {
        if (day == null) {
            return null;
        }
        try {
            return Date.from(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
