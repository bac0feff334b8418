package com.tentabo.prm.application.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one audit row says happened: an action on an entity and the fields it changed ({@link Changes}). The
 * {@link com.tentabo.prm.application.audit.service.AuditRecorder} records it with its author, id and time.
 */
public record AuditChange(String action, String entityType, UUID entityId, Map<String, Object> changes) {

    public AuditChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes)); // the fields in the order given
    }

    /** A new entity ({@code create}): every field as {@code {"after": value}}. */
    public static AuditChange created(String entityType, UUID entityId, Map<String, ?> fields) {
        return new AuditChange("create", entityType, entityId, Changes.created(fields));
    }

    /** A removed entity ({@code delete}): every field as {@code {"before": value}}. */
    public static AuditChange deleted(String entityType, UUID entityId, Map<String, ?> fields) {
        return new AuditChange("delete", entityType, entityId, Changes.deleted(fields));
    }

    /** A changed entity: only the fields whose value differs, as {@code {"before": x, "after": y}}. */
    public static AuditChange changed(
            String action, String entityType, UUID entityId, Map<String, ?> before, Map<String, ?> after) {
        return new AuditChange(action, entityType, entityId, Changes.diff(before, after));
    }

    /** True when no field changed (nothing worth a row). */
    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
