package org.travesia.query.incident;

/**
 * The shape of a document in {@code incident_history}: one per event, with who, when, what changed (from and to, per
 * field) and why, and the incident's state after it ({@value #STATE}, an {@link IncidentDocument}), which as-of
 * reads answer from.
 */
final class IncidentHistoryDocument {

    static final String ID = "_id";
    static final String INCIDENT_ID = "incidentId";
    static final String SEQUENCE = "sequence";
    static final String POSITION = "position";
    /**
     * The global position of the incident's event before this one (null for the first): where the state before it
     * is kept, so a snapshot finds an incident's state at a pinned position by the unique index on positions.
     */
    static final String PREVIOUS_POSITION = "previousPosition";
    static final String EVENT = "event";
    static final String RECORDED_AT = "recordedAt";
    static final String ACTOR = "actor";
    static final String USER = "user";
    static final String ORGANISATION = "organisation";
    static final String CLIENT = "client";
    static final String CORRELATION_ID = "correlationId";
    static final String REASON = "reason";
    static final String NOTE = "note";
    static final String CHANGES = "changes";
    static final String FROM = "from";
    static final String TO = "to";
    static final String ADDED = "added";
    /** A change to the incident's effective source quality, as the API names it. */
    static final String EFFECTIVE_SOURCE_QUALITY = "effectiveSourceQuality";
    static final String STATE = "state";
    /** The prefix that turns an incident field into the same field of a history entry's state. */
    static final String STATE_PREFIX = STATE + ".";

    private IncidentHistoryDocument() {
    }
}
