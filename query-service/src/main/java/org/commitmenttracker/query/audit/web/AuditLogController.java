package org.commitmenttracker.query.audit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.commitmenttracker.query.audit.AuditLog;
import org.commitmenttracker.query.web.Page;
import org.commitmenttracker.service.web.PlainText;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for ADMIN only: who read which history, state or integrity, newest first. */
@RestController
class AuditLogController {

    private final AuditLog auditLog;

    AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping(path = "/api/audit-log", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<AuditLog.Entry> list(@RequestParam(required = false) @Size(max = 200) @PlainText String actor,
                              @RequestParam(required = false) @Size(max = 80) @PlainText String commitmentId,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return auditLog.page(actor, commitmentId, page, size);
    }
}
