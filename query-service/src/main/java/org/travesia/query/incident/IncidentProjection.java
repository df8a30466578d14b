package org.travesia.query.incident;

import static org.travesia.query.incident.IncidentDocument.AT;
import static org.travesia.query.incident.IncidentDocument.BY;
import static org.travesia.query.incident.IncidentDocument.CLIENT_REPORT_ID;
import static org.travesia.query.incident.IncidentDocument.DETAILS;
import static org.travesia.query.incident.IncidentDocument.DUPLICATE;
import static org.travesia.query.incident.IncidentDocument.DUPLICATE_OF;
import static org.travesia.query.incident.IncidentDocument.EFFECTIVE_QUALITY;
import static org.travesia.query.incident.IncidentDocument.NOTE;
import static org.travesia.query.incident.IncidentDocument.OCCURRED_FROM;
import static org.travesia.query.incident.IncidentDocument.ORGANISATION;
import static org.travesia.query.incident.IncidentDocument.REASON;
import static org.travesia.query.incident.IncidentDocument.RECORDED_AT;
import static org.travesia.query.incident.IncidentDocument.REPORTED_BY;
import static org.travesia.query.incident.IncidentDocument.RETRACTED;
import static org.travesia.query.incident.IncidentDocument.RETRACTION;
import static org.travesia.query.incident.IncidentDocument.SHARING;
import static org.travesia.query.incident.IncidentDocument.SOURCES;
import static org.travesia.query.incident.IncidentDocument.STATUS;
import static org.travesia.query.incident.IncidentDocument.UPDATED_AT;
import static org.travesia.query.incident.IncidentDocument.VERIFICATION;
import static org.travesia.query.incident.IncidentDocument.VERIFIED;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.incident.Corroboration;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentFreeTextRedacted;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.RouteAssignment;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.MmpRecordImported;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.platform.viewwrites.ViewWrites;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

/**
 * Projects incident events into the {@code incidents} and {@code incident_history} read models. Idempotent, and
 * replayable from the start: nothing here reads a clock; every time and actor comes from the event. Events are
 * applied as recorded: a correction replaces the fields it names and nothing else, and nothing is re-validated.
 * Free text stays sealed as the events hold it: nothing here opens it. Its processor sends a batch's writes when the
 * batch ends ({@link ViewWrites}).
 */
@Component
@ProcessingGroup(IncidentProjection.PROCESSING_GROUP)
class IncidentProjection {

    static final String PROCESSING_GROUP = "incidents";

    /** Its processor sends a batch's writes when the batch ends, before it stores its token. */
    @Bean
    static ConfigurerModule writesPerBatchOfIncidents() {
        return ViewWritesPerBatch.on(List.of(PROCESSING_GROUP));
    }

    private final IncidentReadModel readModel;
    private final ProjectionProgress progress;
    private final IncidentMetrics metrics;
    /**
     * Whether a replay may have emptied the read model without this process having applied a replayed event since
     * (true at start, for a replay begun by a process that stopped before applying one).
     */
    private volatile boolean replayUnconfirmed = true;

    IncidentProjection(IncidentReadModel readModel, ProjectionProgress progress, IncidentMetrics metrics) {
        this.readModel = readModel;
        this.progress = progress;
        this.metrics = metrics;
    }

    @EventHandler
    void on(IncidentReported event, @SequenceNumber long sequence, EventMessage<?> message) {
        List<Document> sources = event.details().source() == null ? List.of()
                : List.of(IncidentDocument.source(event.details().source()));
        apply(event.incidentId(), sequence, message, incident -> incident
                        .append(ORGANISATION, event.organisation())
                        .append(REPORTED_BY, event.reportedBy())
                        .append(CLIENT_REPORT_ID, event.clientReportId())
                        .append(SHARING, event.sharing())
                        .append(VERIFIED, false)
                        .append(DUPLICATE_OF, null)
                        .append(RETRACTED, false)
                        .append(DETAILS, IncidentDocument.details(event.details()))
                        .append(SOURCES, sources)
                        .append(EFFECTIVE_QUALITY, effectiveQuality(sources))
                        .append(OCCURRED_FROM, IncidentDocument.occurredFrom(event.details()))
                        .append(RECORDED_AT, date(message)),
                entry -> { });
    }

    /** Replaces the changed fields, each as a whole; history shows each one's value before and after. */
    @EventHandler
    void on(IncidentAmended event, @SequenceNumber long sequence, EventMessage<?> message) {
        Document newValues = IncidentDocument.details(event.changes());
        Document changes = new Document();
        apply(event.incidentId(), sequence, message, incident -> {
            Document before = incident.get(DETAILS, Document.class);
            Document after = new Document(before);
            for (String field : event.changedFields()) {
                after.put(field, newValues.get(field));
                changes.append(field, change(before.get(field), newValues.get(field)));
            }
            incident.append(DETAILS, after);
            return incident.append(OCCURRED_FROM, IncidentDocument.occurredFrom(IncidentDocument.facts(incident)));
        }, entry -> entry.append(IncidentHistoryDocument.REASON, event.reason())
                .append(IncidentHistoryDocument.CHANGES, changes));
    }

    @EventHandler
    void on(SourceAttached event, @SequenceNumber long sequence, EventMessage<?> message) {
        Document changes = new Document();
        Document source = IncidentDocument.source(event.source());
        apply(event.incidentId(), sequence, message, incident -> {
            List<Document> sources = new ArrayList<>(incident.getList(SOURCES, Document.class));
            sources.add(source);
            Integer quality = effectiveQuality(sources);
            changes.append(SOURCES, new Document(IncidentHistoryDocument.ADDED, source))
                    .append(IncidentHistoryDocument.EFFECTIVE_SOURCE_QUALITY, change(incident.get(EFFECTIVE_QUALITY), quality));
            return incident.append(SOURCES, sources).append(EFFECTIVE_QUALITY, quality);
        }, entry -> entry.append(IncidentHistoryDocument.CHANGES, changes));
    }

    @EventHandler
    void on(IncidentVerified event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append(VERIFIED, true)
                        .append(VERIFICATION, curation(message).append(NOTE, event.note())),
                entry -> entry.append(IncidentHistoryDocument.NOTE, event.note()));
    }

    @EventHandler
    void on(IncidentMarkedAsDuplicate event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident
                        .append(DUPLICATE_OF, event.survivingIncidentId())
                        .append(DUPLICATE, curation(message).append(REASON, event.reason())),
                entry -> entry.append(IncidentHistoryDocument.REASON, event.reason())
                        .append(IncidentHistoryDocument.CHANGES,
                                new Document(DUPLICATE_OF, change(null, event.survivingIncidentId()))));
    }

    @EventHandler
    void on(IncidentRetracted event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append(RETRACTED, true)
                        .append(RETRACTION, curation(message).append(REASON, event.reason())),
                entry -> entry.append(IncidentHistoryDocument.REASON, event.reason()));
    }

    @EventHandler
    void on(SharingChanged event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append(SHARING, event.to()),
                entry -> entry.append(IncidentHistoryDocument.REASON, event.reason())
                        .append(IncidentHistoryDocument.CHANGES, new Document(SHARING, change(event.from(), event.to()))));
    }

    /** Where the coordinates put the incident; shown as derived, with its method. */
    @EventHandler
    void on(IncidentRouteDerived event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append(IncidentDocument.DERIVED_ROUTE,
                        new Document("routeId", event.routeId()).append("segmentId", event.segmentId())),
                entry -> { });
    }

    @EventHandler
    void on(IncidentRouteOverridden event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append(IncidentDocument.OVERRIDDEN_ROUTE,
                        new Document("routeId", event.routeId()).append("segmentId", event.segmentId())),
                entry -> entry.append(IncidentHistoryDocument.REASON, event.reason()));
    }

    /** MMP's record of the incident, whole; its licence goes on the incident's source, where exports look for it. */
    @EventHandler
    void on(MmpRecordImported event, @SequenceNumber long sequence, EventMessage<?> message) {
        Document record = IncidentDocument.mmp(event.record());
        Document changes = new Document();
        apply(event.incidentId(), sequence, message, incident -> {
            changes.append(IncidentDocument.MMP, change(incident.get(IncidentDocument.MMP), record));
            return incident.append(IncidentDocument.MMP, record);
        }, entry -> entry.append(IncidentHistoryDocument.CHANGES, changes));
    }

    /** The text recorded so far no longer opens (its key is gone); history records that, and why. */
    @EventHandler
    void on(IncidentFreeTextRedacted event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident,
                entry -> entry.append(IncidentHistoryDocument.REASON, event.reason()));
    }

    @ResetHandler
    void reset() {
        readModel.deleteAll();
        replayUnconfirmed = true;
    }

    /**
     * Applies one event: the incident's new state (status derived, timestamps from the event), and a history
     * entry with who, when, what and why, holding the state after the event for as-of reads; then counts it.
     */
    private void apply(String incidentId, long sequence, EventMessage<?> message, UnaryOperator<Document> change,
                       Consumer<Document> describe) {
        if (replayUnconfirmed && ReplayToken.isReplay(message)) {
            // An event replayed: the reset stored its replay tokens, which say how far it has got. A reset whose
            // tokens were never stored leaves the processor on its old tokens, live, and the mark set.
            readModel.replayStarted();
            replayUnconfirmed = false;
        }
        Document applied = readModel.apply(incidentId, sequence, incident -> {
            Document next = withLicence(change.apply(incident));
            return next.append(STATUS, status(next).name()).append(IncidentDocument.ROUTE_ASSIGNMENT, assignment(next))
                    .append(UPDATED_AT, date(message))
                    .append(IncidentDocument.POSITION, position(message));
        }, (before, state) -> {
            Document entry = new Document(IncidentHistoryDocument.ID, message.getIdentifier())
                    .append(IncidentHistoryDocument.INCIDENT_ID, incidentId)
                    .append(IncidentHistoryDocument.SEQUENCE, sequence)
                    .append(IncidentHistoryDocument.EVENT, message.getPayloadType().getSimpleName())
                    .append(IncidentHistoryDocument.RECORDED_AT, date(message))
                    .append(IncidentHistoryDocument.ACTOR, new Document(IncidentHistoryDocument.USER, user(message))
                            .append(IncidentHistoryDocument.ORGANISATION,
                                    message.getMetaData().get(MetadataKeys.ORGANISATION)))
                    .append(IncidentHistoryDocument.CLIENT, message.getMetaData().get(MetadataKeys.CLIENT))
                    .append(IncidentHistoryDocument.CORRELATION_ID,
                            message.getMetaData().get(MetadataKeys.CORRELATION_ID));
            // Left out rather than null when unknown: the unique index on positions skips entries without one.
            if (position(message) != null) {
                entry.append(IncidentHistoryDocument.POSITION, position(message));
            }
            if (before != null && before.get(IncidentDocument.POSITION) != null) {
                entry.append(IncidentHistoryDocument.PREVIOUS_POSITION, before.get(IncidentDocument.POSITION));
            }
            describe.accept(entry);
            Object assignmentBefore = before == null ? null : before.get(IncidentDocument.ROUTE_ASSIGNMENT);
            if (before != null && !Objects.equals(assignmentBefore,
                    state.get(IncidentDocument.ROUTE_ASSIGNMENT))) {
                Document changes = entry.get(IncidentHistoryDocument.CHANGES, Document.class);
                entry.append(IncidentHistoryDocument.CHANGES, (changes == null ? new Document() : changes)
                        .append(IncidentDocument.ROUTE_ASSIGNMENT, change(assignmentBefore,
                                state.get(IncidentDocument.ROUTE_ASSIGNMENT))));
            }
            if (before != null && !before.getString(STATUS).equals(state.getString(STATUS))) {
                Document changes = entry.get(IncidentHistoryDocument.CHANGES, Document.class);
                entry.append(IncidentHistoryDocument.CHANGES, (changes == null ? new Document() : changes)
                        .append(STATUS, change(before.getString(STATUS), state.getString(STATUS))));
            }
            entry.append(IncidentHistoryDocument.STATE, new Document(state));
            readModel.addHistory(entry);
        });
        // Counted and announced once the batch's writes are acknowledged: a reader woken earlier would not see them.
        ViewWrites writes = ViewWrites.current();
        if (applied != null) {
            writes.afterFlush(() -> metrics.applied(message, applied));
        }
        writes.afterFlush(progress::advanced);
    }

    /**
     * An incident taken from a public dataset carries the dataset's licence on its source, whatever a correction did
     * to the source since: the licence is the dataset's, not a fact anyone amends.
     */
    private static Document withLicence(Document incident) {
        Document record = incident.get(IncidentDocument.MMP, Document.class);
        if (record == null || record.getString("licence") == null) {
            return incident;
        }
        Document details = new Document(incident.get(DETAILS, Document.class));
        Document source = details.get("source", Document.class);
        details.put("source", new Document(source == null ? new Document() : source)
                .append(IncidentDocument.LICENCE_IN_SOURCE, record.getString("licence")));
        return incident.append(DETAILS, details);
    }

    static IncidentStatus status(Document incident) {
        if (Boolean.TRUE.equals(incident.getBoolean(RETRACTED))) {
            return IncidentStatus.RETRACTED;
        }
        if (incident.getString(DUPLICATE_OF) != null) {
            return IncidentStatus.DUPLICATE;
        }
        return Boolean.TRUE.equals(incident.getBoolean(VERIFIED)) ? IncidentStatus.VERIFIED : IncidentStatus.REPORTED;
    }

    /** The effective route assignment, by the one rule of precedence ({@link RouteAssignment#effective}). */
    private static Document assignment(Document incident) {
        Document details = incident.get(DETAILS, Document.class);
        Document derived = incident.get(IncidentDocument.DERIVED_ROUTE, Document.class);
        Document overridden = incident.get(IncidentDocument.OVERRIDDEN_ROUTE, Document.class);
        RouteAssignment at = RouteAssignment.effective(
                overridden == null ? null : RouteAssignment.analyst(overridden.getString("routeId"),
                        overridden.getString("segmentId")),
                RouteAssignment.reported(details.getString("routeId"), details.getString("segmentId")),
                derived == null ? null : RouteAssignment.derived(derived.getString("routeId"),
                        derived.getString("segmentId")));
        return new Document("routeId", at.routeId()).append("segmentId", at.segmentId())
                .append("method", at.method() == null ? null : at.method().name());
    }

    private static Integer effectiveQuality(List<Document> sources) {
        return Corroboration.effectiveQuality(sources.stream().map(IncidentDocument::sourceFacts).toList());
    }

    private static Document curation(EventMessage<?> message) {
        return new Document(BY, user(message)).append(AT, date(message));
    }

    private static Document change(Object from, Object to) {
        return new Document(IncidentHistoryDocument.FROM, from).append(IncidentHistoryDocument.TO, to);
    }

    /** The event's global position, as the event store stamps it on every event it reads. */
    private static Long position(EventMessage<?> message) {
        return message.getMetaData().get(MetadataKeys.GLOBAL_POSITION) instanceof Number position
                ? position.longValue() : null;
    }

    private static String user(EventMessage<?> message) {
        return (String) message.getMetaData().get(MetadataKeys.USER);
    }

    private static Date date(EventMessage<?> message) {
        return Date.from(message.getTimestamp());
    }
}
