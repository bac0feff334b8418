package com.tentabo.prm.adapters.rest.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.application.audit.AuditRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit row. {@code changes} is the stored JSON as it is (numbers exact), except that the value of any field
 * named like a secret ({@code password}, {@code token}, …), at any depth, is shown as {@code "***"}: rows written by
 * the replaced system were not necessarily redacted when written.
 */
public record AuditLogResponse(
        UUID id,
        UUID userId,
        UUID adminUserId,
        String action,
        String entityType,
        UUID entityId,
        JsonNode changes,
        String ipAddress,
        String userAgent,
        Instant createdAt) {

    public static AuditLogResponse from(AuditRecord r) {
        return AuditLogResponseMapper.INSTANCE.toResponse(r);
    }
}
