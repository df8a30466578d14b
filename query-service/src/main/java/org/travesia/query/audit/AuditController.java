package org.travesia.query.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.kernel.common.InvalidValueException;
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.audit.AuditScope;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.PageCursor;

import com.mongodb.client.model.Filters;

/**
 * {@code GET /api/v1/audit}: the audit log of restricted reads and exports, newest first. An admin reads its own
 * organisation's entries; an audit operator reads every organisation's ({@link AuditScope}). {@code recordId} finds
 * every entry that gave that record out, exports of any size included ({@link AuditLog#containing}); an export's
 * entry lists its ids there rather than inline, and its ending is an {@code EXPORT_FINISHED} entry.
 */
@RestController
class AuditController {

    private final AuditLog auditLog;
    private final CurrentActor currentActor;

    AuditController(AuditLog auditLog, CurrentActor currentActor) {
        this.auditLog = auditLog;
        this.currentActor = currentActor;
    }

    @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDIT_OPERATOR')")
    Map<String, Object> entries(@RequestParam(required = false) String user,
                                @RequestParam(required = false) String organisation,
                                @RequestParam(required = false) String action,
                                @RequestParam(required = false) String recordId,
                                @RequestParam(required = false) java.time.Instant from,
                                @RequestParam(required = false) java.time.Instant to,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        List<Bson> filters = new ArrayList<>();
        filters.add(AuditScope.of(currentActor.get(), organisation));
        if (user != null) {
            filters.add(Filters.eq("user", user));
        }
        if (action != null) {
            try {
                filters.add(Filters.eq("action", AuditLog.Action.valueOf(action).name()));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("action", "parameter.invalid", "action");
            }
        }
        if (recordId != null) {
            filters.add(auditLog.containing(recordId));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("at", Date.from(to)));
        }
        int pageSize = PageCursor.limit(limit);
        List<Document> page = auditLog.page(Filters.and(filters), cursor == null ? null : PageCursor.decode(cursor),
                pageSize + 1);
        boolean more = page.size() > pageSize;
        if (more) {
            page = page.subList(0, pageSize);
        }
        List<Map<String, Object>> items = page.stream().map(AuditController::view).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        Document last = page.isEmpty() ? null : page.get(page.size() - 1);
        answer.put("nextCursor", more ? new PageCursor(last.getDate("at").getTime(), last.getString("_id")).encode() : null);
        return answer;
    }

    private static Map<String, Object> view(Document entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.getString("_id"));
        view.put("at", entry.getDate("at").toInstant().toString());
        for (String field : List.of("user", "organisation", "roles", "action", "resource", "method", "path", "query",
                "records", "recordIds", "correlationId", "details")) {
            view.put(field, entry.get(field));
        }
        return view;
    }
}
