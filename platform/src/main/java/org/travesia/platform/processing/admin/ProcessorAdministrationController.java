package org.travesia.platform.processing.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.travesia.platform.audit.AuditLog;
import org.travesia.platform.security.CurrentActor;
import org.travesia.platform.security.GrantedRoles;
import org.travesia.platform.web.PageCursor;

/**
 * {@code /api/v1/admin/processors/{name}/…}: replaying one projection, pausing and resuming it on this instance, and
 * the parked sequences of its dead-letter queue. The operator only ({@link GrantedRoles#OPERATOR}): processors are
 * shared by every organisation, so an organisation's admin acting here would act on the others' projections. Every
 * call is written to the audit log, under the operator's own name and organisation, before it acts, and fails if it
 * cannot be.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/processors/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('" + GrantedRoles.OPERATOR + "')")
public class ProcessorAdministrationController {

    private final ProcessorAdministration administration;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;

    public ProcessorAdministrationController(ProcessorAdministration administration, AuditLog auditLog,
                                             CurrentActor currentActor) {
        this.administration = administration;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
    }

    /** Accepted: the reset is done, the replay itself runs on (see {@code /actuator/eventprocessors}). */
    @PostMapping("/replay")
    ResponseEntity<Map<String, Object>> replay(@PathVariable String name) {
        audit(AuditLog.Action.PROCESSOR_REPLAY, name, "replay", List.of());
        administration.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("processor", name, "replaying", true));
    }

    @PostMapping("/pause")
    Map<String, Object> pause(@PathVariable String name) {
        audit(AuditLog.Action.PROCESSOR_PAUSE, name, "pause", List.of());
        administration.pause(name);
        return Map.of("processor", name, "running", false);
    }

    @PostMapping("/resume")
    Map<String, Object> resume(@PathVariable String name) {
        audit(AuditLog.Action.PROCESSOR_RESUME, name, "resume", List.of());
        administration.resume(name);
        return Map.of("processor", name, "running", true);
    }

    @GetMapping("/dead-letters")
    Map<String, Object> deadLetters(@PathVariable String name, @RequestParam(required = false) Integer limit) {
        int pageSize = PageCursor.limit(limit);
        List<DeadLetterSequence> sequences = administration.deadLetters(name, pageSize + 1);
        boolean more = sequences.size() > pageSize;
        List<DeadLetterSequence> page = more ? sequences.subList(0, pageSize) : sequences;
        audit(AuditLog.Action.READ, name, "dead-letters", page.stream().map(DeadLetterSequence::sequence).toList());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("processor", name);
        answer.put("items", page);
        answer.put("more", more);
        return answer;
    }

    @PostMapping("/dead-letters/{sequence}/retry")
    Map<String, Object> retry(@PathVariable String name, @PathVariable String sequence) {
        audit(AuditLog.Action.DEAD_LETTER_RETRY, name, "dead-letters.retry", List.of(sequence));
        boolean processed = administration.retry(name, sequence);
        return Map.of("processor", name, "sequence", sequence, "outcome", processed ? "PROCESSED" : "PARKED_AGAIN");
    }

    @PostMapping("/dead-letters/{sequence}/eviction")
    Map<String, Object> evict(@PathVariable String name, @PathVariable String sequence) {
        audit(AuditLog.Action.DEAD_LETTER_EVICTION, name, "dead-letters.eviction", List.of(sequence));
        int evicted = administration.evict(name, sequence);
        return Map.of("processor", name, "sequence", sequence, "evicted", evicted);
    }

    private void audit(AuditLog.Action action, String processor, String operation, List<String> records) {
        auditLog.record(currentActor.get(), action, "processors." + processor + "." + operation, records);
    }
}
