package org.travesia.command.missing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.OccurredAt;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.missing.CaseStatus;
import org.travesia.kernel.missing.CaseVisibility;
import org.travesia.kernel.missing.CloseCase;
import org.travesia.kernel.missing.ErasePersonalData;
import org.travesia.kernel.missing.IncidentLinkedToCase;
import org.travesia.kernel.missing.IncidentUnlinkedFromCase;
import org.travesia.kernel.missing.LinkIncidentToCase;
import org.travesia.kernel.missing.MarkFoundAlive;
import org.travesia.kernel.missing.MarkFoundDeceased;
import org.travesia.kernel.missing.MissingPerson;
import org.travesia.kernel.missing.MissingPersonCaseClosed;
import org.travesia.kernel.missing.MissingPersonCaseReopened;
import org.travesia.kernel.missing.MissingPersonFactsMapper;
import org.travesia.kernel.missing.MissingPersonFoundAlive;
import org.travesia.kernel.missing.MissingPersonFoundDeceased;
import org.travesia.kernel.missing.MissingPersonReport;
import org.travesia.kernel.missing.MissingPersonReported;
import org.travesia.kernel.missing.PersonalDataErased;
import org.travesia.kernel.missing.RecordSighting;
import org.travesia.kernel.missing.ReopenCase;
import org.travesia.kernel.missing.ReportMissingPerson;
import org.travesia.kernel.missing.SightingRecorded;
import org.travesia.kernel.missing.UnlinkIncidentFromCase;
import org.travesia.platform.privacy.BlindIndex;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectSealer;

/**
 * A person reported missing on the route, from the report to found, closed or erased. The rules:
 * <ul>
 * <li>a report is safe to retry, as an incident's is;</li>
 * <li>monitors and analysts of the owning organisation record sightings, links to incidents, found alive or dead,
 * closure and reopening; acting on a case one may not see answers as if it did not exist;</li>
 * <li>a sighting needs an open case; a case is found once (reopen it first to find it again); closing needs a case
 * not closed, reopening one closed or found;</li>
 * <li>an admin of the owning organisation erases the person's data, for good: the key first, then the record of it,
 * and after that the case refuses everything (reads still work, without the person);</li>
 * <li>every personal field is sealed under the person's own key before it is recorded; the aggregate keeps none of
 * it, only what its rules need.</li>
 * </ul>
 */
@Aggregate
public class MissingPersonCase {

    static final int MAX_TEXT_LENGTH = 2_000;

    @AggregateIdentifier
    private String caseId;
    private long version = -1;
    private String organisation;
    private String requestFingerprint;
    private SharingLevel sharing;
    private CaseStatus status;
    private final Set<String> linkedIncidents = new HashSet<>();
    private String deathIncident;
    private boolean erased;

    protected MissingPersonCase() {
        // For Axon: rebuilt from its events.
    }

    /** Reports a missing person, or answers a retry of the same report as the first time, recording nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReportOutcome handle(ReportMissingPerson command, Clock clock, PersonalDataCipher cipher,
                                BlindIndex blindIndex) {
        if (caseId != null) {
            if (!requestFingerprint.equals(command.requestFingerprint())) {
                throw new ConflictException("missing-person.idempotency-key.reused");
            }
            return new ReportOutcome(caseId, 0, true);
        }
        MissingPersonReport report = command.report();
        requireNotInFuture(report, clock);
        SubjectSealer sealer = cipher.sealerFor(DataSubject.missingPerson(command.caseId()));
        apply(new MissingPersonReported(command.caseId(), command.organisation(), command.reportedBy(),
                command.clientReportId(), command.requestFingerprint(),
                sealer.sealRecord(MissingPersonFactsMapper.toFacts(report.person())),
                sealer.sealRecord(MissingPersonFactsMapper.toFacts(report.lastSeen())),
                sealer.sealRecord(MissingPersonFactsMapper.toFacts(report.reporter())),
                MissingPersonFactsMapper.toFacts(report), command.sharing().name(),
                sealer.sealAll("searchTokens", searchTokens(report.person(), blindIndex))));
        return new ReportOutcome(command.caseId(), 0, false);
    }

    @CommandHandler
    public long handle(RecordSighting command, Clock clock, PersonalDataCipher cipher) {
        requireCaseworker(command.actor());
        requireVersionIfGiven(command.expectedVersion());
        requireOpen();
        OccurredAt when = command.sighting().when();
        if (when.isAfter(clock.instant())) {
            throw new InvalidValueException("date", "missing-person.date.in-future");
        }
        SubjectSealer sealer = cipher.sealerFor(subject());
        apply(new SightingRecorded(caseId, when.date().toString(), Codes.name(when.precision()),
                sealer.sealRecord(MissingPersonFactsMapper.toFacts(command.sighting().place())),
                Codes.name(command.sighting().source()), Codes.name(command.sighting().confidence()),
                sealer.seal("note", command.sighting().note())));
        return version;
    }

    @CommandHandler
    public long handle(LinkIncidentToCase command, PersonalDataCipher cipher) {
        requireCaseworker(command.actor());
        requireVersionIfGiven(command.expectedVersion());
        requireNotClosed();
        requireText("reason", command.reason(), false);
        if (linkedIncidents.contains(command.incidentId())) {
            throw new ConflictException("missing-person.incident-already-linked");
        }
        apply(new IncidentLinkedToCase(caseId, command.incidentId(),
                cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    @CommandHandler
    public long handle(UnlinkIncidentFromCase command, PersonalDataCipher cipher) {
        requireCaseworker(command.actor());
        requireVersionIfGiven(command.expectedVersion());
        requireText("reason", command.reason(), true);
        if (!linkedIncidents.contains(command.incidentId())) {
            throw new ConflictException("missing-person.incident-not-linked");
        }
        if (command.incidentId().equals(deathIncident)) {
            // The case says the person died there: reopen it first, so that its status never points at nothing.
            throw new ConflictException("missing-person.incident-is-the-death");
        }
        apply(new IncidentUnlinkedFromCase(caseId, command.incidentId(),
                cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    @CommandHandler
    public long handle(MarkFoundAlive command, Clock clock, PersonalDataCipher cipher) {
        requireCaseworker(command.actor());
        requireVersionIfGiven(command.expectedVersion());
        requireOpen();
        requireText("note", command.note(), false);
        LocalDate date = command.date() != null ? command.date() : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (OccurredAt.onDay(date).isAfter(clock.instant())) {
            throw new InvalidValueException("date", "missing-person.date.in-future");
        }
        apply(new MissingPersonFoundAlive(caseId, date.toString(),
                cipher.sealerFor(subject()).seal("note", command.note())));
        return version;
    }

    @CommandHandler
    public long handle(MarkFoundDeceased command, PersonalDataCipher cipher) {
        requireCaseworker(command.actor());
        requireVersionIfGiven(command.expectedVersion());
        requireOpen();
        requireText("note", command.note(), false);
        apply(new MissingPersonFoundDeceased(caseId, command.incidentId(),
                cipher.sealerFor(subject()).seal("note", command.note())));
        return version;
    }

    @CommandHandler
    public long handle(CloseCase command, PersonalDataCipher cipher) {
        requireCaseworker(command.actor());
        requireVersionIfGiven(command.expectedVersion());
        requireNotClosed();
        requireText("reason", command.reason(), true);
        apply(new MissingPersonCaseClosed(caseId, cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    @CommandHandler
    public long handle(ReopenCase command, PersonalDataCipher cipher) {
        requireCaseworker(command.actor());
        requireVersionIfGiven(command.expectedVersion());
        if (status == CaseStatus.OPEN) {
            throw new ConflictException("missing-person.already-open");
        }
        requireText("reason", command.reason(), true);
        apply(new MissingPersonCaseReopened(caseId, cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    /**
     * Erases the person: the key first (register, then key), then the record of it. A crash in between leaves every
     * personal field unreadable already, and the same request sent again records the erasure.
     */
    @CommandHandler
    public long handle(ErasePersonalData command, PersonalDataCipher cipher) {
        requireVisibleTo(command.actor());
        if (!command.actor().organisation().equals(organisation) || !command.actor().has(Role.ADMIN)) {
            throw new NotPermittedException("missing-person.erasure-not-allowed");
        }
        requireNotErased();
        requireVersionIfGiven(command.expectedVersion());
        if (command.reason() == null) {
            throw new InvalidValueException("reason", "field.required");
        }
        cipher.eraseForever(subject());
        apply(new PersonalDataErased(caseId, command.reason().name()));
        return version;
    }

    private static List<String> searchTokens(MissingPerson person, BlindIndex blindIndex) {
        List<String> names = new ArrayList<>();
        names.add(person.fullName());
        names.addAll(person.aliases());
        List<String> tokens = new ArrayList<>(blindIndex.ofNames(names));
        if (person.yearOfBirth() != null) {
            tokens.add(blindIndex.ofBirthYear(person.yearOfBirth()));
        }
        return tokens;
    }

    private static void requireNotInFuture(MissingPersonReport report, Clock clock) {
        Violations v = new Violations();
        v.check(!report.lastSeen().when().isAfter(clock.instant()), "lastSeen.date", "missing-person.date.in-future");
        v.check(!report.person().bornAfter(Year.from(clock.instant().atZone(ZoneOffset.UTC))), "person.yearOfBirth",
                "missing-person.year-of-birth.in-future");
        v.throwIfAny();
    }

    private DataSubject subject() {
        return DataSubject.missingPerson(caseId);
    }

    private void requireVisibleTo(Actor actor) {
        if (!CaseVisibility.canSee(actor, organisation, sharing)) {
            throw new AggregateNotFoundException(caseId, "No case with this id");
        }
    }

    /** Monitors and analysts of the owning organisation work the case; an erased case takes nothing more. */
    private void requireCaseworker(Actor actor) {
        requireVisibleTo(actor);
        if (!actor.organisation().equals(organisation) || !actor.has(Role.MONITOR)) {
            throw new NotPermittedException("missing-person.not-yours");
        }
        requireNotErased();
    }

    private void requireNotErased() {
        if (erased) {
            throw new ConflictException("missing-person.erased");
        }
    }

    private void requireOpen() {
        requireNotClosed();
        if (status != CaseStatus.OPEN) {
            throw new ConflictException("missing-person.already-found");
        }
    }

    private void requireNotClosed() {
        if (status == CaseStatus.CLOSED) {
            throw new ConflictException("missing-person.closed");
        }
    }

    private void requireVersionIfGiven(Long expected) {
        if (expected != null && expected != version) {
            throw new ConflictException("missing-person.version-conflict", expected, version);
        }
    }

    private static void requireText(String field, String text, boolean required) {
        if (required && (text == null || text.isBlank())) {
            throw new InvalidValueException(field, "field.required");
        }
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValueException(field, "text.too-long", MAX_TEXT_LENGTH);
        }
    }

    @EventSourcingHandler
    void on(MissingPersonReported event, @SequenceNumber long sequence) {
        caseId = event.caseId();
        organisation = event.organisation();
        requestFingerprint = event.requestFingerprint();
        sharing = SharingLevel.recorded(event.sharing());
        status = CaseStatus.OPEN;
        version = sequence;
    }

    @EventSourcingHandler
    void on(SightingRecorded event, @SequenceNumber long sequence) {
        version = sequence;
    }

    @EventSourcingHandler
    void on(IncidentLinkedToCase event, @SequenceNumber long sequence) {
        linkedIncidents.add(event.incidentId());
        version = sequence;
    }

    @EventSourcingHandler
    void on(IncidentUnlinkedFromCase event, @SequenceNumber long sequence) {
        linkedIncidents.remove(event.incidentId());
        version = sequence;
    }

    @EventSourcingHandler
    void on(MissingPersonFoundAlive event, @SequenceNumber long sequence) {
        status = CaseStatus.FOUND_ALIVE;
        version = sequence;
    }

    @EventSourcingHandler
    void on(MissingPersonFoundDeceased event, @SequenceNumber long sequence) {
        status = CaseStatus.FOUND_DECEASED;
        deathIncident = event.incidentId();
        linkedIncidents.add(event.incidentId());
        version = sequence;
    }

    @EventSourcingHandler
    void on(MissingPersonCaseClosed event, @SequenceNumber long sequence) {
        status = CaseStatus.CLOSED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(MissingPersonCaseReopened event, @SequenceNumber long sequence) {
        status = CaseStatus.OPEN;
        deathIncident = null;
        version = sequence;
    }

    @EventSourcingHandler
    void on(PersonalDataErased event, @SequenceNumber long sequence) {
        erased = true;
        version = sequence;
    }

    /** What a report answers: the case, its version, and whether this was a retry of an earlier report. */
    public record ReportOutcome(String caseId, long version, boolean replayed) {
    }
}
