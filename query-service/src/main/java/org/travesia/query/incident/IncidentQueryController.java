package org.travesia.query.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.kernel.common.NotPermittedException;
import org.travesia.kernel.common.SharingLevel;
import org.travesia.kernel.incident.FindIncidents;
import org.travesia.kernel.incident.IncidentStatus;
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.NotFoundException;
import org.travesia.platform.web.PageCursor;
import org.travesia.query.incident.api.IncidentSearchParameters;

import com.mongodb.client.model.Sorts;

/**
 * Reads of incidents: {@code /api/v1/incidents}. Every read is scoped, inside the query, to what the caller may see
 * ({@link IncidentReadScope}: sharing and consent); every restricted record handed out is written to the audit log
 * first.
 */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('MONITOR', 'ADVOCATE', 'ADMIN')")
class IncidentQueryController {

    /** How long a read-your-writes request ({@code minVersion}) waits for the projection. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Duration RECHECK = Duration.ofMillis(250);

    private final IncidentReadModel readModel;
    private final ProjectionProgress progress;
    private final CurrentActor currentActor;
    private final AuditLog auditLog;
    private final PersonalDataCipher cipher;

    IncidentQueryController(IncidentReadModel readModel, ProjectionProgress progress, CurrentActor currentActor,
                            AuditLog auditLog, PersonalDataCipher cipher) {
        this.readModel = readModel;
        this.progress = progress;
        this.currentActor = currentActor;
        this.auditLog = auditLog;
        this.cipher = cipher;
    }

    /** Search, newest first, a page at a time; the cursor is stable while new reports arrive. */
    @GetMapping
    Map<String, Object> search(IncidentSearchParameters parameters,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor) {
        Actor actor = currentActor.get();
        FindIncidents find = parameters.find();
        int pageSize = PageCursor.limit(limit);
        String sortField = IncidentFilters.sortField(find.sort());
        Bson filter = IncidentFilters.of(find, IncidentReadScope.of(actor));
        if (cursor != null) {
            filter = com.mongodb.client.model.Filters.and(filter, PageCursor.decode(cursor).after(sortField));
        }
        List<Document> page = readModel.search(filter, Sorts.descending(sortField, IncidentDocument.ID), pageSize + 1)
                .into(new ArrayList<>());
        boolean more = page.size() > pageSize;
        if (more) {
            page = page.subList(0, pageSize);
        }
        auditRestricted(actor, AuditLog.Action.READ, "incidents.search", page);
        SubjectOpener opener = cipher.openerFor(page.stream()
                .map(d -> DataSubject.incident(d.getString(IncidentDocument.ID))).toList());
        List<Map<String, Object>> items = page.stream().map(d -> IncidentView.render(d, actor, opener)).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("nextCursor", more ? cursorAfter(page.get(page.size() - 1), sortField) : null);
        return answer;
    }

    /**
     * Counts over a search: incidents and people affected, duplicates and retractions excluded. Unknown is not zero:
     * {@code unknown} says in how many incidents each count was not known.
     */
    @GetMapping("/counts")
    Map<String, Object> counts(IncidentSearchParameters parameters) {
        Actor actor = currentActor.get();
        FindIncidents find = parameters.findAnyStatus();
        Bson counted = com.mongodb.client.model.Filters.and(IncidentFilters.of(find, IncidentReadScope.of(actor)),
                com.mongodb.client.model.Filters.in(IncidentDocument.STATUS, IncidentStatus.REPORTED.name(),
                        IncidentStatus.VERIFIED.name()));
        return IncidentCounts.over(readModel.matching(counted)
                .projection(com.mongodb.client.model.Projections.include(IncidentDocument.AFFECTED)));
    }

    /**
     * One incident. With {@code minVersion}, waits up to five seconds for the projection to reach that version, so
     * a client can read what it just wrote; if it never gets there, 404. With {@code asOf}, the incident as it was
     * known at that instant: the state after the last event recorded by then.
     */
    @GetMapping("/{incidentId}")
    Map<String, Object> incident(@PathVariable String incidentId,
                                 @RequestParam(required = false) Long minVersion,
                                 @RequestParam(required = false) String asOf) throws InterruptedException {
        Actor actor = currentActor.get();
        if (asOf != null && minVersion != null) {
            throw new InvalidValueException("asOf", "parameter.invalid", "asOf");
        }
        Optional<Document> found = readModel.find(incidentId, actor);
        if (minVersion != null) {
            found = awaitVersion(incidentId, actor, minVersion, found);
        }
        Document incident = found.orElseThrow(() -> new NotFoundException("incident.not-found"));
        if (asOf != null) {
            Date instant = Date.from(IncidentSearchParameters.instant("asOf", asOf, false));
            incident = readModel.historyAsOf(incidentId, instant)
                    .map(entry -> entry.get(IncidentHistoryDocument.STATE, Document.class))
                    .orElseThrow(() -> new NotFoundException("incident.not-found"));
            if (!PastStateVisibility.sharedThen(actor, incident)) {
                throw new NotPermittedException("incident.not-shared-then");
            }
        }
        auditRestricted(actor, AuditLog.Action.READ, "incident", List.of(incident));
        return IncidentView.render(incident, actor, cipher.openerFor(DataSubject.incident(incidentId)));
    }

    /**
     * Every event of an incident, in order: who, when, what changed and why. An event whose states, before or
     * after it, were not shared with the caller's organisation when recorded shows as changed, not shared.
     */
    @GetMapping("/{incidentId}/history")
    Map<String, Object> history(@PathVariable String incidentId) {
        Actor actor = currentActor.get();
        Document incident = readModel.find(incidentId, actor)
                .orElseThrow(() -> new NotFoundException("incident.not-found"));
        auditRestricted(actor, AuditLog.Action.READ, "incident.history", List.of(incident));
        boolean ownOrganisation = actor.organisation().equals(incident.getString(IncidentDocument.ORGANISATION));
        SubjectOpener opener = cipher.openerFor(DataSubject.incident(incidentId));
        List<Map<String, Object>> items = new ArrayList<>();
        Document before = null;
        for (Document entry : readModel.history(incidentId)) {
            Document after = entry.get(IncidentHistoryDocument.STATE, Document.class);
            items.add(IncidentView.historyEntry(entry, actor, ownOrganisation,
                    PastStateVisibility.valuesShown(actor, before, after), opener));
            before = after;
        }
        return Map.of("items", items);
    }

    private Optional<Document> awaitVersion(String incidentId, Actor actor, long minVersion, Optional<Document> found)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (found.map(d -> d.getLong(IncidentDocument.VERSION) < minVersion).orElse(true)
                && Instant.now().isBefore(deadline)) {
            Duration left = Duration.between(Instant.now(), deadline);
            progress.awaitChange(left.compareTo(RECHECK) < 0 ? left : RECHECK);
            found = readModel.find(incidentId, actor);
        }
        return found.filter(d -> d.getLong(IncidentDocument.VERSION) >= minVersion);
    }

    private void auditRestricted(Actor actor, AuditLog.Action action, String resource, List<Document> records) {
        List<String> restricted = records.stream()
                .filter(d -> !SharingLevel.PUBLIC.name().equals(d.getString(IncidentDocument.SHARING)))
                .map(d -> d.getString(IncidentDocument.ID)).toList();
        if (!restricted.isEmpty()) {
            auditLog.record(actor, action, resource, restricted);
        }
    }

    private static String cursorAfter(Document last, String sortField) {
        return new PageCursor(last.getDate(sortField).getTime(), last.getString(IncidentDocument.ID)).encode();
    }
}
