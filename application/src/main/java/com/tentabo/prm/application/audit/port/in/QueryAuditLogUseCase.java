package com.tentabo.prm.application.audit.port.in;

import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.UUID;

/** Reads the audit trail (ADMIN and RESTRICTED_ADMIN), newest first. */
public interface QueryAuditLogUseCase {

    /**
     * Filters, each optional (null means "any"); {@code since} is inclusive and {@code until} exclusive, so that
     * consecutive windows never count a row twice.
     */
    record AuditLogFilter(
            String entityType,
            UUID entityId,
            String action,
            UserId userId,
            AdminUserId adminUserId,
            Instant since,
            Instant until,
            String cursor,
            Integer limit) {}

    AuditRecord get(Caller caller, AuditLogId id);

    Page<AuditRecord> list(Caller caller, AuditLogFilter filter);
}
