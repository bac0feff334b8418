package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of one audit row ({@code audit_logs}); the entity it is about keeps a plain UUID (any kind). */
public record AuditLogId(UUID value) implements EntityId {

    public AuditLogId {
        Objects.requireNonNull(value, "AuditLogId");
    }

    /** The id of an optional reference: null for null. */
    public static AuditLogId ofNullable(UUID value) {
        return value == null ? null : new AuditLogId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
