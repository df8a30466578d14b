package org.travesia.query.missing;

import static org.travesia.query.missing.CaseDocument.AT;
import static org.travesia.query.missing.CaseDocument.BY;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.travesia.kernel.common.MetadataKeys;
import org.travesia.kernel.missing.CaseStatus;
import org.travesia.kernel.missing.IncidentLinkedToCase;
import org.travesia.kernel.missing.IncidentUnlinkedFromCase;
import org.travesia.kernel.missing.MissingPersonCaseClosed;
import org.travesia.kernel.missing.MissingPersonCaseReopened;
import org.travesia.kernel.missing.MissingPersonFoundAlive;
import org.travesia.kernel.missing.MissingPersonFoundDeceased;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.PersonalDataErased;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.platform.privacy.BlindIndex;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.viewwrites.ViewWrites;
import org.travesia.platform.viewwrites.ViewWritesPerBatch;

/**
 * Projects missing-person events into {@code missing_persons} and {@code missing_person_history}. Personal fields stay
 * sealed as the events hold them; the one thing opened here is the blind-index tokens of a report, so that the index
 * is built only from what still opens: replayed after an erasure, a report indexes nothing, and the erasure itself
 * drops what was indexed. Replayable from the start; every time and actor comes from the event.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
class CaseProjection {

    static final String PROCESSING_GROUP = "missing-persons";

    /** Its processor sends a batch's writes when the batch ends, before it stores its token. */
    @Bean
    static ConfigurerModule writesPerBatchOfCases() {
        return ViewWritesPerBatch.on(List.of(PROCESSING_GROUP));
    }

    private final CaseReadModel readModel;
    private final CaseProjectionProgress progress;
    private final PersonalDataCipher cipher;

    CaseProjection(CaseReadModel readModel, CaseProjectionProgress progress, PersonalDataCipher cipher) {
        this.readModel = readModel;
        this.progress = progress;
        this.cipher = cipher;
    }

    @EventHandler
    void on(MissingPersonReported event, @SequenceNumber long sequence, EventMessage<?> message) {
        DataSubject subject = DataSubject.missingPerson(event.caseId());
        List<String> names = new ArrayList<>();
        String birthYear = null;
        for (String token : cipher.openerFor(subject).texts(subject, "searchTokens", event.searchTokens())) {
            if (token.startsWith(BlindIndex.BIRTH_YEAR)) {
                birthYear = token;
            } else {
                names.add(token);
            }
        }
        String indexedBirthYear = birthYear;
        apply(event.caseId(), sequence, message, state -> state
                .append(CaseDocument.ORGANISATION, event.organisation())
                .append(CaseDocument.REPORTED_BY, event.reportedBy())
                .append(CaseDocument.CLIENT_REPORT_ID, event.clientReportId())
                .append(CaseDocument.SHARING, event.sharing())
                .append(CaseDocument.STATUS, CaseStatus.OPEN.name())
                .append(CaseDocument.ERASED, false)
                .append(CaseDocument.PERSON, CaseDocument.of(event.person()))
                .append(CaseDocument.LAST_SEEN, CaseDocument.of(event.lastSeen()))
                .append(CaseDocument.REPORTER, CaseDocument.of(event.reporter()))
                .append(CaseDocument.CONSENT, CaseDocument.of(event.consent()))
                .append(CaseDocument.LAST_SEEN_FROM, CaseDocument.startOf(event.lastSeen() == null ? null
                        : event.lastSeen().date()))
                .append(CaseDocument.SIGHTINGS, List.of())
                .append(CaseDocument.INCIDENT_IDS, List.of())
                .append(CaseDocument.NAME_INDEX, names)
                .append(CaseDocument.BIRTH_YEAR_INDEX, indexedBirthYear)
                .append(CaseDocument.RECORDED_AT, date(message)));
    }

    @EventHandler
    void on(SightingRecorded event, @SequenceNumber long sequence, EventMessage<?> message) {
        Document sighting = CaseDocument.of(event).append(AT, date(message)).append(BY, user(message));
        sighting.remove("caseId");
        apply(event.caseId(), sequence, message, state -> {
            List<Document> sightings = new ArrayList<>(state.getList(CaseDocument.SIGHTINGS, Document.class));
            sightings.add(sighting);
            return state.append(CaseDocument.SIGHTINGS, sightings);
        });
    }

    @EventHandler
    void on(IncidentLinkedToCase event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.caseId(), sequence, message, state -> linked(state, event.incidentId(), true));
    }

    @EventHandler
    void on(IncidentUnlinkedFromCase event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.caseId(), sequence, message, state -> linked(state, event.incidentId(), false));
    }

    @EventHandler
    void on(MissingPersonFoundAlive event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.caseId(), sequence, message, state -> state.append(CaseDocument.STATUS,
                        CaseStatus.FOUND_ALIVE.name())
                .append(CaseDocument.FOUND_ALIVE, curation(message).append("date", event.date())
                        .append("note", event.note())));
    }

    @EventHandler
    void on(MissingPersonFoundDeceased event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.caseId(), sequence, message, state -> linked(state, event.incidentId(), true)
                .append(CaseDocument.STATUS, CaseStatus.FOUND_DECEASED.name())
                .append(CaseDocument.FOUND_DECEASED, curation(message).append("incidentId", event.incidentId())
                        .append("note", event.note())));
    }

    @EventHandler
    void on(MissingPersonCaseClosed event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.caseId(), sequence, message, state -> state.append(CaseDocument.STATUS, CaseStatus.CLOSED.name())
                .append(CaseDocument.CLOSURE, curation(message).append("reason", event.reason())));
    }

    /** Open again: whatever said the person was found, or the case closed, no longer holds. */
    @EventHandler
    void on(MissingPersonCaseReopened event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.caseId(), sequence, message, state -> {
            state.remove(CaseDocument.FOUND_ALIVE);
            state.remove(CaseDocument.FOUND_DECEASED);
            state.remove(CaseDocument.CLOSURE);
            return state.append(CaseDocument.STATUS, CaseStatus.OPEN.name())
                    .append(CaseDocument.REOPENING, curation(message).append("reason", event.reason()));
        });
    }

    /** The person's key is gone already; the index of their names and year of birth goes too. */
    @EventHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence, EventMessage<?> message) {
        apply(event.caseId(), sequence, message, state -> {
            state.remove(CaseDocument.NAME_INDEX);
            state.remove(CaseDocument.BIRTH_YEAR_INDEX);
            return state.append(CaseDocument.ERASED, true)
                    .append(CaseDocument.ERASURE, curation(message).append("reason", event.reason()));
        });
    }

    @ResetHandler
    void reset() {
        readModel.deleteAll();
    }

    private void apply(String caseId, long sequence, EventMessage<?> message, UnaryOperator<Document> change) {
        readModel.apply(caseId, sequence, state -> change.apply(state).append(CaseDocument.UPDATED_AT, date(message)),
                (before, after) -> {
                    Document payload = CaseDocument.of(message.getPayload());
                    // The tokens are needed once, to build the index; history has no use for them.
                    payload.remove("searchTokens");
                    readModel.addHistory(new Document("_id", message.getIdentifier())
                            .append("caseId", caseId)
                            .append("sequence", sequence)
                            .append("position", message.getMetaData().get(MetadataKeys.GLOBAL_POSITION))
                            .append("event", message.getPayloadType().getSimpleName())
                            .append("recordedAt", date(message))
                            .append("actor", new Document("user", user(message))
                                    .append("organisation", message.getMetaData().get(MetadataKeys.ORGANISATION)))
                            .append("correlationId", message.getMetaData().get(MetadataKeys.CORRELATION_ID))
                            .append("payload", payload));
                });
        // Announced once the batch's writes are acknowledged: a reader woken earlier would not see them.
        ViewWrites.current().afterFlush(progress::advanced);
    }

    private static Document linked(Document state, String incidentId, boolean link) {
        List<String> incidents = new ArrayList<>(state.getList(CaseDocument.INCIDENT_IDS, String.class));
        incidents.remove(incidentId);
        if (link) {
            incidents.add(incidentId);
        }
        return state.append(CaseDocument.INCIDENT_IDS, incidents);
    }

    private static Document curation(EventMessage<?> message) {
        return new Document(BY, user(message)).append(AT, date(message));
    }

    private static String user(EventMessage<?> message) {
        return (String) message.getMetaData().get(MetadataKeys.USER);
    }

    private static Date date(EventMessage<?> message) {
        return Date.from(message.getTimestamp());
    }
}
