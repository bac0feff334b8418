package com.tentabo.prm.application.audit.port.out;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code audit_logs} table. */
public interface AuditLogRepository {

    /** Filters of {@link #list}; null means "any". Rows come newest first: (created_at desc, id desc). */
    record AuditQuery(
            String entityType,
            UUID entityId,
            String action,
            UserId userId,
            AdminUserId adminUserId,
            Instant since,
            Instant until,
            Instant cursorCreatedAt,
            AuditLogId cursorId,
            int limit) {}

    /** Appends a row in the caller's transaction (a mutation and its audit row commit together). */
    void append(AuditEntry entry);

    Optional<AuditRecord> findById(AuditLogId id);

    List<AuditRecord> list(AuditQuery query);
}
