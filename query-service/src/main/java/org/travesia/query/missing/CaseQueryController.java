package org.travesia.query.missing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.privacy.BlindIndex;
import org.travesia.platform.privacy.DataSubject;
import org.travesia.platform.privacy.PersonalDataCipher;
import org.travesia.platform.privacy.SubjectOpener;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.security.HistoryPositions;
import org.travesia.platform.web.NotFoundException;
import org.travesia.platform.web.PageCursor;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Reads of missing-person cases: {@code /api/v1/missing-persons}. Every read is scoped inside the query to what the
 * caller may see ({@link CaseScope} one by one, the report read scope for counts); personal fields are opened, in memory, only for the owning organisation's monitors and analysts
 * ({@link CaseAccess}); every case handed out is written to the audit log first.
 */
@RestController
@RequestMapping(path = "/api/v1/missing-persons", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('MONITOR', 'ADVOCATE', 'ADMIN')")
class CaseQueryController {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Duration RECHECK = Duration.ofMillis(250);

    private final CaseReadModel readModel;
    private final CaseProjectionProgress progress;
    private final CurrentActor currentActor;
    private final AuditLog auditLog;
    private final PersonalDataCipher cipher;
    private final BlindIndex blindIndex;
    private final DuplicateSignals duplicates;

    CaseQueryController(CaseReadModel readModel, CaseProjectionProgress progress, CurrentActor currentActor,
                        AuditLog auditLog, PersonalDataCipher cipher, BlindIndex blindIndex,
                        DuplicateSignals duplicates) {
        this.readModel = readModel;
        this.progress = progress;
        this.currentActor = currentActor;
        this.auditLog = auditLog;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
        this.duplicates = duplicates;
    }

    /** Search, most recently last seen first, a page at a time. */
    @GetMapping
    Map<String, Object> search(CaseSearch search, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor) {
        Actor actor = currentActor.get();
        int pageSize = PageCursor.limit(limit);
        Bson filter = search.filter(actor, blindIndex);
        if (cursor != null) {
            filter = Filters.and(filter, PageCursor.decode(cursor).after(CaseDocument.LAST_SEEN_FROM));
        }
        List<Document> page = readModel.search(filter, Sorts.descending(CaseDocument.LAST_SEEN_FROM, CaseDocument.ID),
                pageSize + 1).into(new ArrayList<>());
        boolean more = page.size() > pageSize;
        if (more) {
            page = page.subList(0, pageSize);
        }
        audit(actor, "missing-persons.search", page);
        SubjectOpener opener = cipher.openerFor(page.stream().filter(state -> CaseAccess.seesPersonalData(actor, state))
                .map(state -> DataSubject.missingPerson(state.getString(CaseDocument.ID))).toList());
        List<Map<String, Object>> items = page.stream().map(state -> render(state, actor, opener, false)).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        Document last = page.isEmpty() ? null : page.get(page.size() - 1);
        answer.put("nextCursor", more && last.getDate(CaseDocument.LAST_SEEN_FROM) != null
                ? new PageCursor(last.getDate(CaseDocument.LAST_SEEN_FROM).getTime(), last.getString(CaseDocument.ID))
                .encode() : null);
        return answer;
    }

    /**
     * How many cases, by status and by sex, of those the caller may see: erased cases included, since an erasure
     * removes a person, not a disappearance. Nothing personal, and no name filter.
     */
    @GetMapping("/counts")
    Map<String, Object> counts(CaseSearch search) {
        Actor actor = currentActor.get();
        long cases = 0;
        long erased = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> bySex = new TreeMap<>();
        for (Document state : readModel.matching(search.countFilter(actor, blindIndex))
                .projection(Projections.include(CaseDocument.STATUS, CaseDocument.SEX, CaseDocument.ERASED))) {
            cases++;
            erased += state.getBoolean(CaseDocument.ERASED, false) ? 1 : 0;
            byStatus.merge(state.getString(CaseDocument.STATUS), 1L, Long::sum);
            Document person = state.get(CaseDocument.PERSON, Document.class);
            String sex = person == null ? null : person.getString("sex");
            bySex.merge(sex == null ? "UNKNOWN" : sex, 1L, Long::sum);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cases", cases);
        answer.put("byStatus", byStatus);
        answer.put("bySex", bySex);
        answer.put("erased", erased);
        return answer;
    }

    /** One case; with {@code minVersion}, waits up to five seconds for the projection to reach that version. */
    @GetMapping("/{caseId}")
    Map<String, Object> one(@PathVariable String caseId, @RequestParam(required = false) Long minVersion)
            throws InterruptedException {
        Actor actor = currentActor.get();
        Bson scope = CaseScope.of(actor);
        Optional<Document> found = readModel.find(caseId, scope);
        if (minVersion != null) {
            found = awaitVersion(caseId, scope, minVersion, found);
        }
        Document state = found.orElseThrow(() -> new NotFoundException("missing-person.not-found"));
        audit(actor, "missing-person", List.of(state));
        return render(state, actor, cipher.openerFor(DataSubject.missingPerson(caseId)), true);
    }

    /** Every event of a case, in order: who, when, and what (personal details for the owning organisation only). */
    @GetMapping("/{caseId}/history")
    Map<String, Object> history(@PathVariable String caseId) {
        Actor actor = currentActor.get();
        Document state = readModel.find(caseId, CaseScope.of(actor))
                .orElseThrow(() -> new NotFoundException("missing-person.not-found"));
        audit(actor, "missing-person.history", List.of(state));
        boolean personal = CaseAccess.seesPersonalData(actor, state);
        boolean ownOrganisation = actor.organisation().equals(state.getString(CaseDocument.ORGANISATION));
        SubjectOpener opener = cipher.openerFor(DataSubject.missingPerson(caseId));
        return Map.of("items", readModel.history(caseId).stream()
                .map(entry -> CaseView.historyEntry(entry, personal, ownOrganisation,
                        HistoryPositions.shownTo(actor, ownOrganisation), opener)).toList());
    }

    private Map<String, Object> render(Document state, Actor actor, SubjectOpener opener, boolean withDuplicates) {
        if (!CaseAccess.seesPersonalData(actor, state)) {
            return CaseView.facts(state);
        }
        return CaseView.withPersonalData(state, opener, withDuplicates ? duplicates.of(state, actor) : null);
    }

    private Optional<Document> awaitVersion(String caseId, Bson scope, long minVersion, Optional<Document> found)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (found.map(d -> d.getLong(CaseDocument.VERSION) < minVersion).orElse(true)
                && Instant.now().isBefore(deadline)) {
            Duration left = Duration.between(Instant.now(), deadline);
            progress.awaitChange(left.compareTo(RECHECK) < 0 ? left : RECHECK);
            found = readModel.find(caseId, scope);
        }
        return found.filter(d -> d.getLong(CaseDocument.VERSION) >= minVersion);
    }

    /** Every case handed out one by one is restricted: even a published one goes one by one only to its owner. */
    private void audit(Actor actor, String resource, List<Document> cases) {
        if (!cases.isEmpty()) {
            auditLog.record(actor, AuditLog.Action.READ, resource,
                    cases.stream().map(d -> d.getString(CaseDocument.ID)).toList());
        }
    }
}
