package org.travesia.query.missing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.common.Actor;
import org.travesia.kernel.common.ConflictException;
import org.travesia.kernel.incident.IncidentFacts;
import org.travesia.kernel.taxonomy.IncidentType;
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.NotFoundException;
import org.travesia.query.incident.api.IncidentReads;
import org.travesia.query.incident.api.IncidentState;

/**
 * {@code GET /api/v1/incidents/{id}/possible-matches}: for a death incident the caller may see, the open cases that
 * could be the person who died ({@link PossibleMatches}), each shown as the caller may see it. It links nothing.
 */
@RestController
class PossibleMatchesController {

    private final IncidentReads incidents;
    private final PossibleMatches possibleMatches;
    private final CurrentActor currentActor;
    private final AuditLog auditLog;
    private final PersonalDataCipher cipher;
    private final MatchingProperties properties;

    PossibleMatchesController(IncidentReads incidents, PossibleMatches possibleMatches, CurrentActor currentActor,
                              AuditLog auditLog, PersonalDataCipher cipher, MatchingProperties properties) {
        this.incidents = incidents;
        this.possibleMatches = possibleMatches;
        this.currentActor = currentActor;
        this.auditLog = auditLog;
        this.cipher = cipher;
        this.properties = properties;
    }

    @GetMapping(path = "/api/v1/incidents/{incidentId}/possible-matches", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('MONITOR', 'ADVOCATE', 'ADMIN')")
    Map<String, Object> matches(@PathVariable String incidentId) {
        Actor actor = currentActor.get();
        IncidentState incident = incidents.find(actor, incidentId)
                .orElseThrow(() -> new NotFoundException("incident.not-found"));
        IncidentFacts facts = incident.details();
        boolean death = IncidentType.DEATH.name().equals(facts.type())
                || (facts.affected() != null && facts.affected().dead() != null && facts.affected().dead() > 0);
        if (!death) {
            throw new ConflictException("missing-person.matches.not-a-death");
        }
        List<PossibleMatches.Match> matches = possibleMatches.of(incident, actor);
        List<String> listed = matches.stream().map(match -> match.state().getString(CaseDocument.ID)).toList();
        if (!listed.isEmpty()) {
            auditLog.record(actor, AuditLog.Action.READ, "missing-persons.possible-matches", listed);
        }
        SubjectOpener opener = cipher.openerFor(matches.stream().map(PossibleMatches.Match::state)
                .filter(state -> CaseAccess.seesPersonalData(actor, state))
                .map(state -> DataSubject.missingPerson(state.getString(CaseDocument.ID))).toList());
        List<Map<String, Object>> items = matches.stream().map(match -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("case", CaseAccess.seesPersonalData(actor, match.state())
                    ? CaseView.withPersonalData(match.state(), opener, null) : CaseView.facts(match.state()));
            item.put("score", match.score());
            item.put("reasons", match.reasons());
            return item;
        }).toList();
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("routeId", facts.routeId());
        criteria.put("occurredFrom", incident.occurredFrom() == null ? null : incident.occurredFrom().toString());
        criteria.put("maxDistanceKm", properties.maxDistanceKm());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidentId", incidentId);
        answer.put("criteria", criteria);
        answer.put("items", items);
        return answer;
    }
}
