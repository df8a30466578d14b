package org.travesia.command.incident;

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
import org.travesia.command.incident.Incident.ReportOutcome;
import org.travesia.command.route.api.RouteDirectory;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.Codes;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.common.Slug;
import org.travesia.kernel.common.Violations;
import org.travesia.kernel.incident.AmendIncident;
import org.travesia.kernel.incident.AttachSource;
import org.travesia.kernel.incident.ChangeSharing;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.kernel.incident.IncidentPatch;
import org.travesia.kernel.incident.MarkIncidentAsDuplicate;
import org.travesia.kernel.incident.OverrideIncidentRoute;
import org.travesia.kernel.incident.RedactIncidentFreeText;
import org.travesia.kernel.incident.ReportIncident;
import org.travesia.kernel.incident.RetractIncident;
import org.travesia.kernel.incident.Source;
import org.travesia.kernel.incident.VerifyIncident;
import org.travesia.platform.axon.CommandMetadata;
import org.travesia.platform.privacy.KeyedDigests;
import org.travesia.platform.security.CurrentActor;

/**
 * Incident reports and their curation: {@code /api/v1/incidents}. Each write answers the incident's id and its
 * version after the write.
 */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE,
        consumes = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

    private static final Logger log = LoggerFactory.getLogger(IncidentController.class);
    private static final Pattern REPORT_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final CommandGateway commands;
    private final CurrentActor currentActor;
    private final IncidentDirectory directory;
    private final RouteDirectory routes;
    private final KeyedDigests digests;

    IncidentController(CommandGateway commands, CurrentActor currentActor, IncidentDirectory directory,
                       RouteDirectory routes, KeyedDigests digests) {
        this.commands = commands;
        this.currentActor = currentActor;
        this.directory = directory;
        this.routes = routes;
        this.digests = digests;
    }

    /**
     * Reports an incident. The client's {@code clientReportId} (or, failing that, its {@code Idempotency-Key}
     * header) makes the call safe to retry: the same report again answers with the same incident.
     */
    @PostMapping
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
        String incidentId = IncidentIds.forReport(digests, actor.organisation(), reportId);
        ReportIncident command = new ReportIncident(incidentId, actor.organisation(), actor.user(), reportId,
                digests.fingerprintOf("incident-report", details, sharing), details, sharing);
        ReportOutcome outcome = sendRetryingOnce(command, actor);
        // Ids only: never the description, place names or anything a person could be recognised by.
        log.info("Incident {} {} for organisation {}", outcome.incidentId(),
                outcome.replayed() ? "report repeated" : "reported", actor.organisation());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/incidents/" + outcome.incidentId())
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .body(written(outcome.incidentId(), outcome.version()));
    }

    @PostMapping("/{incidentId}/amendments")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> amend(@PathVariable String incidentId, @RequestBody CurationBodies.Amendment body) {
        Actor actor = currentActor.get();
        if (body.expectedVersion() == null) {
            throw new InvalidValueException("expectedVersion", "field.required");
        }
        IncidentPatch changes = IncidentMergePatch.read(body.changes());
        return send(incidentId, new AmendIncident(incidentId, body.expectedVersion(), changes, body.reason(), actor), actor);
    }

    @PostMapping("/{incidentId}/sources")
    @PreAuthorize("hasRole('MONITOR')")
    Map<String, Object> attachSource(@PathVariable String incidentId, @RequestBody CurationBodies.SourceAttachment body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        Source source = IncidentRequestMapper.source(v,
                new IncidentReportRequest.SourceBody(body.type(), body.quality(), body.reference()));
        v.throwIfAny();
        return send(incidentId, new AttachSource(incidentId, body.expectedVersion(), source, actor), actor);
    }

    @PostMapping("/{incidentId}/verification")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> verify(@PathVariable String incidentId, @RequestBody CurationBodies.Verification body) {
        Actor actor = currentActor.get();
        return send(incidentId, new VerifyIncident(incidentId, body.expectedVersion(), body.note(), actor), actor);
    }

    @PostMapping("/{incidentId}/duplicate-of")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> markDuplicate(@PathVariable String incidentId, @RequestBody CurationBodies.DuplicateOf body) {
        Actor actor = currentActor.get();
        if (body.incidentId() == null || body.incidentId().isBlank()) {
            throw new InvalidValueException("incidentId", "field.required");
        }
        if (!body.incidentId().equals(incidentId) && !directory.isVisible(body.incidentId(), actor)) {
            throw new InvalidValueException("incidentId", "incident.duplicate-of.unknown");
        }
        return send(incidentId, new MarkIncidentAsDuplicate(incidentId, body.expectedVersion(), body.incidentId(), body.reason(),
                actor), actor);
    }

    @PostMapping("/{incidentId}/retraction")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> retract(@PathVariable String incidentId, @RequestBody CurationBodies.Retraction body) {
        Actor actor = currentActor.get();
        return send(incidentId, new RetractIncident(incidentId, body.expectedVersion(), body.reason(), actor), actor);
    }

    @PostMapping("/{incidentId}/sharing")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> changeSharing(@PathVariable String incidentId, @RequestBody CurationBodies.Sharing body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        SharingLevel sharing = Codes.parse(v, "sharing", body.sharing(), SharingLevel.class, true);
        v.throwIfAny();
        return send(incidentId, new ChangeSharing(incidentId, body.expectedVersion(), sharing, body.reason(), actor), actor);
    }

    /** An analyst sets where the incident counts; it wins over the report's route and over derivation from now on. */
    @PostMapping("/{incidentId}/route")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> overrideRoute(@PathVariable String incidentId, @RequestBody CurationBodies.RouteOverride body) {
        Actor actor = currentActor.get();
        Violations v = new Violations();
        v.check(body.routeId() != null, "routeId", "field.required");
        v.check(body.routeId() == null || Slug.isValid(body.routeId()), "routeId", "slug.invalid");
        v.check(body.segmentId() == null || Slug.isValid(body.segmentId()), "segmentId", "slug.invalid");
        v.throwIfAny();
        if (!routes.hasRoute(body.routeId())) {
            throw new InvalidValueException("routeId", "route.unknown");
        }
        if (body.segmentId() != null && !routes.hasActiveSegment(body.routeId(), body.segmentId())) {
            throw new InvalidValueException("segmentId", "route.segment.unknown");
        }
        return send(incidentId, new OverrideIncidentRoute(incidentId, body.routeId(), body.segmentId(), body.reason(),
                actor), actor);
    }

    /** Shreds the incident's free text so far, keeping everything else; analysts of the reporting organisation. */
    @PostMapping("/{incidentId}/redaction")
    @PreAuthorize("hasRole('ANALYST')")
    Map<String, Object> redact(@PathVariable String incidentId, @RequestBody CurationBodies.Redaction body) {
        Actor actor = currentActor.get();
        Map<String, Object> written = send(incidentId, new RedactIncidentFreeText(incidentId, body.expectedVersion(),
                body.reason(), actor), actor);
        log.info("Incident {} free text redacted for organisation {}", incidentId, actor.organisation());
        return written;
    }

    private Map<String, Object> send(String incidentId, Object command, Actor actor) {
        long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CommandMetadata.of(actor)));
        return written(incidentId, version);
    }

    private static Map<String, Object> written(String incidentId, long version) {
        return Map.of("incidentId", incidentId, "version", version);
    }

    /**
     * Two copies of the same first report can race (a monitor's app retrying while the first attempt is still in
     * flight). The loser meets the winner's event; sent again, it finds the incident and answers as a retry.
     */
    private ReportOutcome sendRetryingOnce(ReportIncident command, Actor actor) {
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(CommandMetadata.of(actor));
        try {
            return commands.sendAndWait(message);
        } catch (ConcurrencyException | AggregateStreamCreationException raced) {
            return commands.sendAndWait(message);
        }
    }
}
