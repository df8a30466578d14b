package org.travesia.query.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.incident.IncidentDetails;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.security.ReadScope;
import org.travesia.platform.web.NotFoundException;

/** Reads of incidents: {@code /api/v1/incidents}. Every read is scoped to what the caller may see. */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentQueryController {

    /** How long a read-your-writes request ({@code minVersion}) waits for the projection. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Duration RECHECK = Duration.ofMillis(250);

    private final IncidentReadModel readModel;
    private final ProjectionProgress progress;
    private final CurrentActor currentActor;

    IncidentQueryController(IncidentReadModel readModel, ProjectionProgress progress, CurrentActor currentActor) {
        this.readModel = readModel;
        this.progress = progress;
        this.currentActor = currentActor;
    }

    /**
     * One incident. With {@code minVersion}, waits up to five seconds for the projection to reach that version, so
     * a client can read what it just wrote; if it never gets there, 404.
     */
    @GetMapping("/{incidentId}")
    @PreAuthorize("hasAnyRole('MONITOR', 'ADVOCATE', 'ADMIN')")
    Map<String, Object> incident(@PathVariable String incidentId,
                                 @RequestParam(required = false) Long minVersion) throws InterruptedException {
        Actor actor = currentActor.get();
        Bson scope = ReadScope.of(actor);
        Optional<Document> found = readModel.find(incidentId, scope);
        if (minVersion != null) {
            Instant deadline = Instant.now().plus(MAX_WAIT);
            while (found.map(d -> d.getLong("version") < minVersion).orElse(true) && Instant.now().isBefore(deadline)) {
                Duration left = Duration.between(Instant.now(), deadline);
                progress.awaitChange(left.compareTo(RECHECK) < 0 ? left : RECHECK);
                found = readModel.find(incidentId, scope);
            }
            found = found.filter(d -> d.getLong("version") >= minVersion);
        }
        Document incident = found.orElseThrow(() -> new NotFoundException("incident.not-found"));
        IncidentDetails details = readModel.details(incident);
        return IncidentView.render(incident, details, readModel.toMap(details));
    }
}
