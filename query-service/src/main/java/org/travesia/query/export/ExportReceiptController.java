package org.travesia.query.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.web.NotFoundException;

/**
 * {@code GET /api/v1/exports/receipts/{entry}}: how the caller's own export ended, by the id its answer gave in
 * {@code Travesia-Export-Audit-Entry}: whether it completed, the rows sent, those withheld and why, the bytes and
 * their SHA-256. For a client that was not handed the withheld trailer field (a browser's script, an HTTP/1.0 client
 * or proxy), and for anyone who wants to check a file they were sent against what was sent. Only the export's own
 * caller (same user and organisation) reads it; anyone else, and an export still running, gets 404.
 */
@RestController
class ExportReceiptController {

    private static final String[] FIELDS = {"completed", "rows", "withheld", "bytes", "sha256", "reason"};

    private final AuditLog auditLog;
    private final CurrentActor currentActor;

    ExportReceiptController(AuditLog auditLog, CurrentActor currentActor) {
        this.auditLog = auditLog;
        this.currentActor = currentActor;
    }

    @GetMapping(path = "/api/v1/exports/receipts/{entry}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADVOCATE', 'ANALYST', 'ADMIN')")
    Map<String, Object> receipt(@PathVariable String entry) {
        Document ending = auditLog.ending(entry, AuditLog.Action.EXPORT_FINISHED, currentActor.get())
                .orElseThrow(() -> new NotFoundException("export.receipt-not-found"));
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("entry", entry);
        for (String field : FIELDS) {
            receipt.put(field, ending.get(field));
        }
        return receipt;
    }
}
