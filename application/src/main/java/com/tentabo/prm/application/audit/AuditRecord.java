package com.tentabo.prm.application.audit;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored {@code audit_logs} row as read back: {@code changesJson} is the {@code changes} column as the database
 * holds it (JSON text, or null). Rows written by the replaced system may hold any JSON there, so it is carried as
 * text; the REST adapter hides the values of secret fields ({@link AuditEntry#isSecretField}) before showing it.
 */
public record AuditRecord(
        AuditLogId id,
        UserId userId,
        AdminUserId adminUserId,
        String action,
        String entityType,
        UUID entityId,
        String changesJson,
        String ipAddress,
        String userAgent,
        Instant createdAt) {}
