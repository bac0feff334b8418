package com.tentabo.prm.application.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored {@code audit_logs} row as read back: {@code changesJson} is the {@code changes} column as the database
 * holds it (JSON text, or null). Rows written by the replaced system may hold any JSON there, so it is carried as
 * text; the REST adapter hides the values of secret fields ({@link AuditEntry#isSecretField}) before showing it.
 */
public record AuditRecord(
        UUID id,
        UUID userId,
        UUID adminUserId,
        String action,
        String entityType,
        UUID entityId,
        String changesJson,
        String ipAddress,
        String userAgent,
        Instant createdAt) {}
