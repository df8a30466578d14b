package org.travesia.command.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.RecordDelta;
import org.travesia.kernel.common.Role;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.AmendIncident;
import org.travesia.kernel.incident.AttachSource;
import org.travesia.kernel.incident.ChangeSharing;
import org.travesia.kernel.incident.DeriveIncidentRoute;
import org.travesia.kernel.incident.IncidentAmended;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.incident.IncidentFactsMapper;
import org.travesia.kernel.incident.IncidentFreeTextRedacted;
import org.travesia.kernel.incident.IncidentMarkedAsDuplicate;
import org.travesia.kernel.incident.IncidentPatch;
import org.travesia.kernel.incident.IncidentReported;
import org.travesia.kernel.incident.IncidentRetracted;
import org.travesia.kernel.incident.IncidentRouteDerived;
import org.travesia.kernel.incident.IncidentRouteOverridden;
import org.travesia.kernel.incident.IncidentVerified;
import org.travesia.kernel.incident.ImportMmpIncident;
import org.travesia.kernel.incident.MmpFacts;
import org.travesia.kernel.incident.MmpRecord;
import org.travesia.kernel.incident.MmpRecordImported;
import org.travesia.kernel.incident.MarkIncidentAsDuplicate;
import org.travesia.kernel.incident.OverrideIncidentRoute;
import org.travesia.kernel.incident.PartnerReadConsent;
import org.travesia.kernel.incident.RedactIncidentFreeText;
import org.travesia.kernel.incident.ReportIncident;
import org.travesia.kernel.incident.RetractIncident;
import org.travesia.kernel.incident.SharingChanged;
import org.travesia.kernel.incident.SourceAttached;
import org.travesia.kernel.incident.VerifyIncident;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.PersonalFields;
import org.travesia.platform.privacy.SubjectSealer;

/**
 * A protection incident, from its first report through corrections and curation. The rules:
 * <ul>
 * <li>a report is safe to retry: the same report id with the same content answers as the first time;</li>
 * <li>only the reporting monitor, or an analyst of the reporting organisation, may amend; amendments need a reason
 * and the version the amender saw;</li>
 * <li>curation (verify, duplicate, retract, sharing) is for analysts of the reporting organisation;</li>
 * <li>a retracted incident changes no more; a duplicate leaves the counts but stays readable;</li>
 * <li>acting on an incident one may not see answers exactly as if it did not exist;</li>
 * <li>a route derived from the coordinates is recorded only for a report that does not name its segment, never
 * over an analyst's override, and never twice the same; an analyst's override needs a reason;</li>
 * <li>a derivation never makes a person's write conflict: a version that was current before the derivations since
 * is still current (they change nothing a person wrote);</li>
 * <li>its free text (descriptions, localities, source references, notes, reasons) is sealed under the incident's own
 * key before it is recorded, and an analyst of the reporting organisation may shred it.</li>
 * </ul>
 * Every handler answers the incident's version after the command. Its state is rebuilt from events as they were
 * recorded, never re-validated: a rule tightened later judges only the commands that come after it.
 */
@Aggregate
public class Incident {

    /** MMP incidents are reported under their MMP key, and never by a monitor's retry. */
    static final String MMP_REPORT_ID_PREFIX = "mmp:";
    static final String MMP_FINGERPRINT = "mmp-import";

    @AggregateIdentifier
    private String incidentId;
    private long version = -1;
    private String organisation;
    private String reportedBy;
    private String requestFingerprint;
    private IncidentFacts facts;
    private SharingLevel sharing;
    private boolean verified;
    private String duplicateOf;
    private boolean retracted;
    private String derivedRouteId;
    private String derivedSegmentId;
    private boolean routeOverridden;
    private long derivedBasedOn = -1;
    /** The version after the last event a person caused (all but derivations). */
    private long authoredVersion = -1;
    /** Whether any event holds free text recorded in the clear, before personal data was sealed. */
    private boolean freeTextInTheClear;
    /** The Missing Migrants Project's record of this incident, when it was taken from MMP. */
    private MmpRecord mmpRecord;

    protected Incident() {
        // For Axon: rebuilt from its events.
    }

    /**
     * Reports an incident, or, when the same report arrives again (a monitor's retry), answers as the first time
     * did without recording anything. A different report under the same report id is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ReportOutcome handle(ReportIncident command, Clock clock, PersonalDataCipher cipher) {
        if (incidentId != null) {
            if (!requestFingerprint.equals(command.requestFingerprint())) {
                throw new ConflictException("incident.idempotency-key.reused");
            }
            return new ReportOutcome(incidentId, 0, true);
        }
        IncidentRules.requireNotInFuture(command.details(), clock, "");
        IncidentFacts sealed = cipher.sealerFor(DataSubject.incident(command.incidentId()))
                .sealRecord(IncidentFactsMapper.toFacts(command.details()));
        apply(new IncidentReported(command.incidentId(), command.organisation(), command.reportedBy(),
                command.clientReportId(), command.requestFingerprint(), sealed, command.sharing().name()));
        return new ReportOutcome(command.incidentId(), 0, false);
    }

    @CommandHandler
    public long handle(AmendIncident command, Clock clock, PersonalDataCipher cipher) {
        Actor actor = command.actor();
        requireVisibleTo(actor);
        if (!actor.organisation().equals(organisation) || !(actor.user().equals(reportedBy) || actor.has(Role.ANALYST))) {
            throw new NotPermittedException("incident.not-yours");
        }
        requireNotRetracted();
        requireVersion(command.expectedVersion());
        requireReason(command.reason());
        // Judged and compared in the clear, in memory; a redacted text reads as unknown and stays gone.
        IncidentFacts current = cipher.openerFor(subject()).openRecord(subject(), facts, "").value();
        IncidentFacts amended = amend(command.changes(), current, clock);
        List<String> changed = RecordDelta.changedFields(current, amended);
        if (changed.isEmpty()) {
            throw new InvalidValueException("changes", "incident.no-changes");
        }
        SubjectSealer sealer = cipher.sealerFor(subject());
        apply(new IncidentAmended(incidentId, sealer.sealRecord(RecordDelta.only(amended, changed)), changed,
                sealer.seal("reason", command.reason())));
        return version;
    }

    /**
     * The facts after a correction, judged as a whole by the rules a new report meets today, so a correction can
     * neither break a rule nor leave a broken one standing; in the form they would be recorded in.
     */
    private static IncidentFacts amend(IncidentPatch patch, IncidentFacts current, Clock clock) {
        Violations v = new Violations();
        IncidentDetails amended = IncidentFactsMapper.toDetails(patch.applyTo(current), v);
        v.throwIfAnyUnder("changes");
        IncidentRules.requireNotInFuture(amended, clock, "changes.");
        return IncidentFactsMapper.toFacts(amended);
    }

    /**
     * Syncs the incident with one MMP incident: creates it when new; otherwise amends the fields MMP changed (only
     * those, with the reason "MMP revision of" the file's date) and records MMP's record again if it changed; and
     * when nothing differs, records nothing, so importing a file twice changes nothing. A retracted incident stays
     * as the analyst left it. Free text an analyst redacted is not brought back.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportMmpIncident.Outcome handle(ImportMmpIncident command, PersonalDataCipher cipher) {
        if (incidentId == null) {
            reportFromMmp(command, cipher.sealerFor(DataSubject.incident(command.incidentId())));
            return ImportMmpIncident.Outcome.CREATED;
        }
        requireOwnOrganisation(command.actor(), Role.ANALYST);
        if (retracted) {
            return ImportMmpIncident.Outcome.UNCHANGED;
        }
        var opened = cipher.openerFor(subject()).openRecord(subject(), facts, "");
        IncidentFacts current = opened.value();
        IncidentFacts synced = MmpFacts.mergeInto(current, command.facts());
        if (opened.shredded().contains("place.locality")) {
            synced = new IncidentFacts(synced.type(), synced.accidentSubtype(), synced.occurredAt(),
                    synced.occurredAtPrecision(), synced.reportedAt(), withLocality(synced.place(),
                    current.place() == null ? null : current.place().locality()), synced.routeId(),
                    synced.segmentId(), synced.affected(), synced.nationalities(), synced.perpetrator(),
                    synced.causesOfDeath(), synced.source(), synced.description(), synced.consent());
        }
        List<String> changed = RecordDelta.changedFields(current, synced);
        boolean recordChanged = !command.record().equals(mmpRecord);
        if (!changed.isEmpty()) {
            SubjectSealer sealer = cipher.sealerFor(subject());
            apply(new IncidentAmended(incidentId, sealer.sealRecord(RecordDelta.only(synced, changed)), changed,
                    sealer.seal("reason", "MMP revision of " + command.revisionOf())));
        }
        if (recordChanged) {
            apply(new MmpRecordImported(incidentId, command.record(), command.revisionOf()));
        }
        return changed.isEmpty() && !recordChanged ? ImportMmpIncident.Outcome.UNCHANGED
                : ImportMmpIncident.Outcome.UPDATED;
    }

    /**
     * An MMP incident known not to exist yet, created as {@link #handle(ImportMmpIncident, PersonalDataCipher)}
     * creates it: for a batch ({@link MmpIncidentBatches}), which skips looking for incidents it knows are new and
     * made their keys together.
     */
    Incident(ImportMmpIncident command, SubjectSealer sealer) {
        reportFromMmp(command, sealer);
    }

    private void reportFromMmp(ImportMmpIncident command, SubjectSealer sealer) {
        apply(new IncidentReported(command.incidentId(), command.actor().organisation(), command.actor().user(),
                MMP_REPORT_ID_PREFIX + command.mmpKey(), MMP_FINGERPRINT, sealer.sealRecord(command.facts()),
                command.sharing().name()));
        apply(new MmpRecordImported(command.incidentId(), command.record(), command.revisionOf()));
    }

    private static IncidentFacts.Place withLocality(IncidentFacts.Place place, String locality) {
        return new IncidentFacts.Place(place.country(), place.admin1(), place.admin2(), locality, place.coordinates(),
                place.precision());
    }

    @CommandHandler
    public long handle(AttachSource command, PersonalDataCipher cipher) {
        requireOwnOrganisation(command.actor(), Role.MONITOR);
        requireNotRetracted();
        requireVersionIfGiven(command.expectedVersion());
        apply(new SourceAttached(incidentId, cipher.sealerFor(subject())
                .sealRecord(IncidentFactsMapper.toFacts(command.source()))));
        return version;
    }

    @CommandHandler
    public long handle(VerifyIncident command, PersonalDataCipher cipher) {
        requireOwnOrganisation(command.actor(), Role.ANALYST);
        requireNotRetracted();
        requireVersionIfGiven(command.expectedVersion());
        if (verified) {
            throw new ConflictException("incident.already-verified");
        }
        if (duplicateOf != null) {
            throw new ConflictException("incident.already-duplicate");
        }
        apply(new IncidentVerified(incidentId, cipher.sealerFor(subject()).seal("note", command.note())));
        return version;
    }

    @CommandHandler
    public long handle(MarkIncidentAsDuplicate command, PersonalDataCipher cipher) {
        requireOwnOrganisation(command.actor(), Role.ANALYST);
        requireNotRetracted();
        requireVersionIfGiven(command.expectedVersion());
        requireReason(command.reason());
        if (incidentId.equals(command.survivingIncidentId())) {
            throw new InvalidValueException("incidentId", "incident.duplicate-of.self");
        }
        if (duplicateOf != null) {
            throw new ConflictException("incident.already-duplicate");
        }
        apply(new IncidentMarkedAsDuplicate(incidentId, command.survivingIncidentId(),
                cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    @CommandHandler
    public long handle(RetractIncident command, PersonalDataCipher cipher) {
        requireOwnOrganisation(command.actor(), Role.ANALYST);
        requireNotRetracted();
        requireVersionIfGiven(command.expectedVersion());
        requireReason(command.reason());
        apply(new IncidentRetracted(incidentId, cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    @CommandHandler
    public long handle(ChangeSharing command, PersonalDataCipher cipher) {
        requireOwnOrganisation(command.actor(), Role.ANALYST);
        requireNotRetracted();
        requireVersionIfGiven(command.expectedVersion());
        requireReason(command.reason());
        if (command.sharing() == sharing) {
            throw new InvalidValueException("sharing", "sharing.unchanged", sharing);
        }
        apply(new SharingChanged(incidentId, sharing.name(), command.sharing().name(),
                cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    /**
     * Records where the coordinates put the incident now, unless the report names its segment, an analyst chose, the
     * incident is retracted, it is already so, or the derivation is based on an earlier event than the last one
     * recorded: a repeated or replayed derivation records nothing.
     */
    @CommandHandler
    public long handle(DeriveIncidentRoute command) {
        boolean namesSegment = facts.segmentId() != null;
        boolean otherRouteThanNamed = facts.routeId() != null && command.routeId() != null
                && !facts.routeId().equals(command.routeId());
        boolean unchanged = Objects.equals(command.routeId(), derivedRouteId)
                && Objects.equals(command.segmentId(), derivedSegmentId);
        boolean stale = command.basedOnPosition() <= derivedBasedOn;
        if (retracted || routeOverridden || namesSegment || otherRouteThanNamed || unchanged || stale) {
            return version;
        }
        apply(new IncidentRouteDerived(incidentId, command.routeId(), command.segmentId(),
                IncidentRouteDerived.POINT_IN_POLYGON, command.basedOnPosition()));
        return version;
    }

    @CommandHandler
    public long handle(OverrideIncidentRoute command, PersonalDataCipher cipher) {
        requireOwnOrganisation(command.actor(), Role.ANALYST);
        requireNotRetracted();
        requireReason(command.reason());
        apply(new IncidentRouteOverridden(incidentId, command.routeId(), command.segmentId(),
                cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    /**
     * Shreds the free text recorded so far: the key first, then the record of it, so a crash in between leaves the
     * text unreadable and the same request sent again completes the record. Allowed on a retracted incident too: its
     * text can still name someone. The reason is sealed under the incident's next key.
     * <p>
     * Refused (409 {@code incident.redaction.plaintext}) when an event holds free text recorded in the clear, before
     * personal data was sealed: that text is in the stored event itself, so shredding the key would answer success
     * and erase nothing. Sealing it now would not help either: the old events, and every backup, keep it. Such a
     * store needs the migration that rewrites those events sealed (README, Missing persons and personal data).
     */
    @CommandHandler
    public long handle(RedactIncidentFreeText command, PersonalDataCipher cipher) {
        requireOwnOrganisation(command.actor(), Role.ANALYST);
        requireVersionIfGiven(command.expectedVersion());
        requireReason(command.reason());
        if (freeTextInTheClear) {
            throw new ConflictException("incident.redaction.plaintext");
        }
        cipher.shred(subject());
        apply(new IncidentFreeTextRedacted(incidentId, cipher.sealerFor(subject()).seal("reason", command.reason())));
        return version;
    }

    private DataSubject subject() {
        return DataSubject.incident(incidentId);
    }

    private void requireVisibleTo(Actor actor) {
        if (!PartnerReadConsent.canSee(actor, organisation, sharing, facts.consent(), mmpRecord)) {
            throw new AggregateNotFoundException(incidentId, "No incident with this id");
        }
    }

    private void requireOwnOrganisation(Actor actor, Role role) {
        requireVisibleTo(actor);
        if (!actor.organisation().equals(organisation) || !actor.has(role)) {
            throw new NotPermittedException("incident.not-yours");
        }
    }

    private void requireNotRetracted() {
        if (retracted) {
            throw new ConflictException("incident.retracted");
        }
    }

    private void requireVersion(long expected) {
        if (expected < authoredVersion || expected > version) {
            throw new ConflictException("incident.version-conflict", expected, version);
        }
    }

    private void requireVersionIfGiven(Long expected) {
        if (expected != null) {
            requireVersion(expected);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "incident.reason.required");
        }
        if (reason.length() > IncidentRules.MAX_REASON_LENGTH) {
            throw new InvalidValueException("reason", "text.too-long", IncidentRules.MAX_REASON_LENGTH);
        }
    }

    @EventSourcingHandler
    void on(IncidentReported event, @SequenceNumber long sequence) {
        incidentId = event.incidentId();
        organisation = event.organisation();
        reportedBy = event.reportedBy();
        requestFingerprint = event.requestFingerprint();
        facts = event.details();
        sharing = SharingLevel.recorded(event.sharing());
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(IncidentAmended event, @SequenceNumber long sequence) {
        facts = RecordDelta.apply(facts, event.changes(), event.changedFields());
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(MmpRecordImported event, @SequenceNumber long sequence) {
        mmpRecord = event.record();
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(SourceAttached event, @SequenceNumber long sequence) {
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(IncidentVerified event, @SequenceNumber long sequence) {
        verified = true;
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(IncidentMarkedAsDuplicate event, @SequenceNumber long sequence) {
        duplicateOf = event.survivingIncidentId();
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(IncidentRetracted event, @SequenceNumber long sequence) {
        retracted = true;
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(SharingChanged event, @SequenceNumber long sequence) {
        sharing = SharingLevel.recorded(event.to());
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(IncidentRouteDerived event, @SequenceNumber long sequence) {
        derivedRouteId = event.routeId();
        derivedSegmentId = event.segmentId();
        derivedBasedOn = event.basedOnPosition() == null ? derivedBasedOn : event.basedOnPosition();
        version = sequence;
    }

    @EventSourcingHandler
    void on(IncidentRouteOverridden event, @SequenceNumber long sequence) {
        routeOverridden = true;
        authored(event, sequence);
    }

    @EventSourcingHandler
    void on(IncidentFreeTextRedacted event, @SequenceNumber long sequence) {
        authored(event, sequence);
    }

    /** Applies a person's write: its version, and whether it recorded free text in the clear. */
    private void authored(Record event, long sequence) {
        version = sequence;
        authoredVersion = sequence;
        freeTextInTheClear |= PersonalFields.anyInTheClear(event);
    }

    /** What a report command answers: the incident, its version, and whether this was a retry of an earlier one. */
    public record ReportOutcome(String incidentId, long version, boolean replayed) {
    }
}
