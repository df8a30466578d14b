package org.travesia.command.missing;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.command.incident.api.IncidentLookup;
import org.travesia.command.incident.api.KnownIncident;
import org.travesia.command.missing.MissingPersonCase.ReportOutcome;
import org.travesia.command.missing.MissingPersonRequests.ErasureBody;
import org.travesia.command.missing.MissingPersonRequests.FoundAliveBody;
import org.travesia.command.missing.MissingPersonRequests.FoundDeceasedBody;
import org.travesia.command.missing.MissingPersonRequests.IncidentLinkBody;
import org.travesia.command.missing.MissingPersonRequests.ReasonBody;
import org.travesia.command.missing.MissingPersonRequests.ReportBody;
import org.travesia.command.missing.MissingPersonRequests.SightingBody;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.missing.CloseCase;
import org.travesia.kernel.missing.ErasePersonalData;
import org.travesia.kernel.missing.ErasureReason;
import org.travesia.kernel.missing.LinkIncidentToCase;
import org.travesia.kernel.missing.MarkFoundAlive;
import org.travesia.kernel.missing.MarkFoundDeceased;
import org.travesia.kernel.missing.MissingPersonReport;
import org.travesia.kernel.missing.RecordSighting;
import org.travesia.kernel.missing.ReopenCase;
import org.travesia.kernel.missing.ReportMissingPerson;
import org.travesia.kernel.missing.Sighting;
import org.travesia.kernel.missing.UnlinkIncidentFromCase;
import org.travesia.platform.axon.CommandMetadata;
import org.travesia.platform.privacy.KeyedDigests;
import org.travesia.platform.security.CurrentActor;

/**
 * Missing-person cases: {@code /api/v1/missing-persons}. Each write answers the case's id and its version after the
 * write. Logs carry case and incident ids only: never a name, a contact, a place or a note.
 */
@RestController
@RequestMapping(path = "/api/v1/missing-persons", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
class MissingPersonController {

    private static final Logger log = LoggerFactory.getLogger(MissingPersonController.class);
    private static final Pattern REPORT_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final CommandGateway commands;
    private final CurrentActor currentActor;
    private final IncidentLookup incidents;
    private final KeyedDigests digests;

    MissingPersonController(CommandGateway commands, CurrentActor currentActor, IncidentLookup incidents,
                            KeyedDigests digests) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.incidents = incidents;
        this.digests = digests;
    }

    /** Reports a missing person; safe to retry with the same {@code clientReportId} or {@code Idempotency-Key}. */
    @PostMapping
    @PreAuthorize("hasRole('MONITOR')")
    ResponseEntity<Map<String, Object>> report(@RequestBody ReportBody body,
                                               @RequestHeader(name = "Idempotency-Key", required = false)
                                               String idempotencyKey) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        String reportId = body.clientReportId() != null ? body.clientReportId() : idempotencyKey;
        v.check(reportId == null || REPORT_ID.matcher(reportId).matches(),
                body.clientReportId() != null ? "clientReportId" : "Idempotency-Key", "idempotency-key.invalid");
        MissingPersonReport report = MissingPersonRequestMapper.report(body, v);
        SharingLevel sharing = MissingPersonRequestMapper.sharing(v, body.sharing());
        v.throwIfAny();
        String caseId = CaseIds.forReport(digests, actor.organisation(), reportId);
        ReportMissingPerson command = new ReportMissingPerson(caseId, actor.organisation(), actor.user(), reportId,
                digests.fingerprintOf("missing-person-report", report, sharing), report, sharing);
        ReportOutcome outcome = sendRetryingOnce(command, actor);
        log.info("Missing-person case {} {} for organisation {}", outcome.caseId(),
                outcome.replayed() ? "report repeated" : "reported", actor.organisation());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/missing-persons/" + outcome.caseId())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(written(outcome.caseId(), outcome.version()));
    }

    @PostMapping("/{caseId}/sightings")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> sighting(@PathVariable String caseId, @RequestBody SightingBody body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        Sighting sighting = MissingPersonRequestMapper.sighting(body, v);
        v.throwIfAny();
        return send(caseId, new RecordSighting(caseId, body.expectedVersion(), sighting, actor), actor);
    }

    @PostMapping("/{caseId}/incident-links")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> link(@PathVariable String caseId, @RequestBody IncidentLinkBody body) {
        Actor actor = currentActor.get();
        KnownIncident incident = incident(body.incidentId(), actor);
        return send(caseId, new LinkIncidentToCase(caseId, body.expectedVersion(), incident.incidentId(),
                body.reason(), actor), actor);
    }

    @PostMapping("/{caseId}/incident-links/{incidentId}/removal")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> unlink(@PathVariable String caseId, @PathVariable String incidentId,
                               @RequestBody ReasonBody body) {
        Actor actor = currentActor.get();
        return send(caseId, new UnlinkIncidentFromCase(caseId, body.expectedVersion(), incidentId, body.reason(),
                actor), actor);
    }

    @PostMapping("/{caseId}/found-alive")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> foundAlive(@PathVariable String caseId, @RequestBody FoundAliveBody body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        LocalDate date = body.date() == null ? null : MissingPersonRequestMapper.day(v, "date", body.date());
        v.throwIfAny();
        return send(caseId, new MarkFoundAlive(caseId, body.expectedVersion(), date, body.note(), actor), actor);
    }

    /** The person was found dead: the incident must exist for the caller, and be a death. */
    @PostMapping("/{caseId}/found-deceased")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> foundDeceased(@PathVariable String caseId, @RequestBody FoundDeceasedBody body) {
        Actor actor = currentActor.get();
        KnownIncident incident = incident(body.incidentId(), actor);
        if (!incident.isDeath()) {
            throw new InvalidValueException("incidentId", "missing-person.incident.not-a-death");
        }
        return send(caseId, new MarkFoundDeceased(caseId, body.expectedVersion(), incident.incidentId(), body.note(),
                actor), actor);
    }

    @PostMapping("/{caseId}/closure")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> close(@PathVariable String caseId, @RequestBody ReasonBody body) {
        Actor actor = currentActor.get();
        return send(caseId, new CloseCase(caseId, body.expectedVersion(), body.reason(), actor), actor);
    }

    @PostMapping("/{caseId}/reopening")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> reopen(@PathVariable String caseId, @RequestBody ReasonBody body) {
        Actor actor = currentActor.get();
        return send(caseId, new ReopenCase(caseId, body.expectedVersion(), body.reason(), actor), actor);
    }

    /** Erases the person's data for good: admins of the owning organisation, with a reason code. */
    @PostMapping("/{caseId}/erasure")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> erase(@PathVariable String caseId, @RequestBody ErasureBody body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        ErasureReason reason = Codes.parse(v, "reason", body.reason(), ErasureReason.class, true);
        v.throwIfAny();
        Map<String, Object> written = send(caseId, new ErasePersonalData(caseId, body.expectedVersion(), reason, actor),
                actor);
        log.info("Missing-person case {} personal data erased for organisation {}", caseId, actor.organisation());
        return written;
    }

    private KnownIncident incident(String incidentId, Actor actor) {
        if (incidentId == null || incidentId.isBlank()) {
            throw new InvalidValueException("incidentId", "field.required");
        }
        return incidents.find(incidentId, actor)
                .orElseThrow(() -> new InvalidValueException("incidentId", "missing-person.incident.unknown"));
    }

    private Map<String, Object> send(String caseId, Object command, Actor actor) {
        long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CommandMetadata.of(actor)));
        return written(caseId, version);
    }

    private static Map<String, Object> written(String caseId, long version) {
        return Map.of("caseId", caseId, "version", version);
    }

    /** Two copies of the same first report can race; the loser, sent again, answers as a retry. */
    private ReportOutcome sendRetryingOnce(ReportMissingPerson command, Actor actor) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(CommandMetadata.of(actor));
        try {
            return commands.sendAndWait(message);
        } catch (ConcurrencyException | AggregateStreamCreationException raced) {
            return commands.sendAndWait(message);
        }
    }
}
