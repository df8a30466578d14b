package org.travesia.query.incident;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.incident.Corroboration;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.Source;
import org.travesia.kernel.incident.SourceAttached;

/**
 * Projects incident events into the {@code incidents} and {@code incident_history} read models. Idempotent, and
 * replayable from the start: nothing here reads a clock; every time and actor comes from the event.
 */
@Component
@ProcessingGroup(IncidentProjection.PROCESSING_GROUP)
class IncidentProjection {

    static final String PROCESSING_GROUP = "incidents";

    private final IncidentReadModel readModel;
    private final ProjectionProgress progress;

    IncidentProjection(IncidentReadModel readModel, ProjectionProgress progress) {
        this.readModel = readModel;
        this.progress = progress;
    }

    @EventHandler
    void on(IncidentReported event, @SequenceNumber long sequence, EventMessage<?> message) {
        List<Document> sources = event.details().source() == null ? List.of() : List.of(source(event.details().source()));
        apply(event.incidentId(), sequence, message, incident -> incident
                        .append("organisation", event.organisation())
                        .append("reportedBy", event.reportedBy())
                        .append("clientReportId", event.clientReportId())
                        .append("sharing", event.sharing().name())
                        .append("verified", false)
                        .append("duplicateOf", null)
                        .append("retracted", false)
                        .append("details", new Document(readModel.toMap(event.details())))
                        .append("sources", sources)
                        .append("effectiveQuality", effectiveQuality(sources))
                        .append("occurredFrom", IncidentReadModel.date(event.details().occurredAt().earliestInstant()))
                        .append("recordedAt", IncidentReadModel.date(message.getTimestamp())),
                entry -> { });
    }

    @EventHandler
    void on(IncidentAmended event, @SequenceNumber long sequence, EventMessage<?> message) {
        Map<String, Object> after = readModel.toMap(event.details());
        Document changes = new Document();
        apply(event.incidentId(), sequence, message, incident -> {
            Document before = incident.get("details", Document.class);
            for (String field : event.changedFields()) {
                changes.append(field, change(before.get(field), after.get(field)));
            }
            return incident.append("details", new Document(after))
                    .append("occurredFrom", IncidentReadModel.date(event.details().occurredAt().earliestInstant()));
        }, entry -> entry.append("reason", event.reason()).append("changes", changes));
    }

    @EventHandler
    void on(SourceAttached event, @SequenceNumber long sequence, EventMessage<?> message) {
        Document changes = new Document();
        apply(event.incidentId(), sequence, message, incident -> {
            List<Document> sources = new ArrayList<>(incident.getList("sources", Document.class));
            sources.add(source(event.source()));
            Integer quality = effectiveQuality(sources);
            changes.append("sources", new Document("added", source(event.source())))
                    .append("effectiveSourceQuality", change(incident.get("effectiveQuality"), quality));
            return incident.append("sources", sources).append("effectiveQuality", quality);
        }, entry -> entry.append("changes", changes));
    }

    @EventHandler
    void on(IncidentVerified event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append("verified", true)
                        .append("verification", new Document("by", user(message)).append("at", date(message))
                                .append("note", event.note())),
                entry -> entry.append("note", event.note()));
    }

    @EventHandler
    void on(IncidentMarkedAsDuplicate event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident
                        .append("duplicateOf", event.survivingIncidentId())
                        .append("duplicate", new Document("by", user(message)).append("at", date(message))
                                .append("reason", event.reason())),
                entry -> entry.append("reason", event.reason())
                        .append("changes", new Document("duplicateOf", change(null, event.survivingIncidentId()))));
    }

    @EventHandler
    void on(IncidentRetracted event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append("retracted", true)
                        .append("retraction", new Document("by", user(message)).append("at", date(message))
                                .append("reason", event.reason())),
                entry -> entry.append("reason", event.reason()));
    }

    @EventHandler
    void on(SharingChanged event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.incidentId(), sequence, message, incident -> incident.append("sharing", event.to().name()),
                entry -> entry.append("reason", event.reason())
                        .append("changes", new Document("sharing", change(event.from().name(), event.to().name()))));
    }

    @ResetHandler
    void reset() {
        readModel.deleteAll();
    }

    /**
     * Applies one event: the incident's new state (status derived, timestamps from the event), and a history
     * entry with who, when, what and why, holding the state after the event for as-of reads.
     */
    private void apply(String incidentId, long sequence, EventMessage<?> message, UnaryOperator<Document> change,
                       java.util.function.Consumer<Document> describe) {
        readModel.apply(incidentId, sequence, incident -> {
            Document next = change.apply(incident);
            return next.append("status", status(next).name()).append("updatedAt", date(message));
        }, (before, state) -> {
            Document entry = new Document("_id", message.getIdentifier())
                    .append("incidentId", incidentId)
                    .append("sequence", sequence)
                    .append("position", message.getMetaData().get(MetadataKeys.GLOBAL_POSITION))
                    .append("event", message.getPayloadType().getSimpleName())
                    .append("recordedAt", date(message))
                    .append("actor", new Document("user", user(message))
                            .append("organisation", message.getMetaData().get(MetadataKeys.ORGANISATION)))
                    .append("client", message.getMetaData().get(MetadataKeys.CLIENT))
                    .append("correlationId", message.getMetaData().get(MetadataKeys.CORRELATION_ID));
            describe.accept(entry);
            if (before != null && !before.getString("status").equals(state.getString("status"))) {
                Document changes = entry.get("changes", Document.class);
                entry.append("changes", (changes == null ? new Document() : changes)
                        .append("status", change(before.getString("status"), state.getString("status"))));
            }
            entry.append("state", new Document(state));
            readModel.addHistory(entry);
        });
        progress.advanced();
    }

    static IncidentStatus status(Document incident) {
        if (Boolean.TRUE.equals(incident.getBoolean("retracted"))) {
            return IncidentStatus.RETRACTED;
        }
        if (incident.getString("duplicateOf") != null) {
            return IncidentStatus.DUPLICATE;
        }
        return Boolean.TRUE.equals(incident.getBoolean("verified")) ? IncidentStatus.VERIFIED : IncidentStatus.REPORTED;
    }

    private Document source(Source source) {
        return new Document(readModel.toMap(source));
    }

    private Integer effectiveQuality(List<Document> sources) {
        return Corroboration.effectiveQuality(sources.stream().map(s -> readModel.convert(s, Source.class)).toList());
    }

    private static Document change(Object from, Object to) {
        return new Document("from", from).append("to", to);
    }

    private static String user(EventMessage<?> message) {
        return (String) message.getMetaData().get(MetadataKeys.USER);
    }

    private static Date date(EventMessage<?> message) {
        return Date.from(message.getTimestamp());
    }
}
