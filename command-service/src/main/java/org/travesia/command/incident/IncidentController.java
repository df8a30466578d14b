package org.travesia.command.incident;

import java.util.Map;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.command.incident.Incident.ReportOutcome;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.ReportIncident;
import org.travesia.platform.axon.CommandMetadata;
import org.travesia.platform.security.CurrentActor;

/** Incident reports and their curation: {@code /api/v1/incidents}. */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

    private static final Pattern REPORT_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final CommandGateway commands;
    private final CurrentActor currentActor;

    IncidentController(CommandGateway commands, CurrentActor currentActor) {
        this.commands = commands;
        this.currentActor = currentActor;
    }

    /**
     * Reports an incident. The client's {@code clientReportId} (or, failing that, its {@code Idempotency-Key}
     * header) makes the call safe to retry: the same report again answers with the same incident.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('MONITOR')")
    ResponseEntity<Map<String, Object>> report(@RequestBody IncidentReportRequest body,
                                               @RequestHeader(name = "Idempotency-Key", required = false)
                                               String idempotencyKey) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        String reportId = body.clientReportId() != null ? body.clientReportId() : idempotencyKey;
        v.check(reportId == null || REPORT_ID.matcher(reportId).matches(),
                body.clientReportId() != null ? "clientReportId" : "Idempotency-Key", "idempotency-key.invalid");
        IncidentDetails details = IncidentRequestMapper.details(body, v);
        SharingLevel sharing = IncidentRequestMapper.sharing(v, body.sharing());
        v.throwIfAny();
        String incidentId = IncidentIds.forReport(actor.organisation(), reportId);
        ReportIncident command = new ReportIncident(incidentId, actor.organisation(), reportId,
                RequestFingerprint.of(details, sharing), details, sharing);
        ReportOutcome outcome = sendRetryingOnce(command, actor);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/incidents/" + outcome.incidentId())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(Map.of("incidentId", outcome.incidentId(), "version", outcome.version()));
    }

    /**
     * Two copies of the same first report can race (a monitor's app retrying while the first attempt is still in
     * flight). The loser meets the winner's event; sent again, it finds the incident and answers as a retry.
     */
    private <R> R sendRetryingOnce(Object command, Actor actor) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(CommandMetadata.of(actor));
        try {
            return commands.sendAndWait(message);
        } catch (ConcurrencyException raced) {
            return commands.sendAndWait(message);
        }
    }
}
