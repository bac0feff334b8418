package com.tentabo.prm.application.audit;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One {@code audit_logs} row: who (user or admin account), what (action on an entity) and the changed fields
 * as {@code {field: {"before": x, "after": y}}}. Values of secret fields are replaced by {@code "***"}.
 */
public record AuditEntry(
        UUID id,
        UUID userId,
        UUID adminUserId,
        String action,
        String entityType,
        UUID entityId,
        Map<String, Object> changes,
        String ipAddress,
        String userAgent,
        Instant at) {

    private static final Set<String> SECRET_FIELDS = Set.of(
            "password",
            "password_hash",
            "credentials",
            "secret",
            "token",
            "api_key",
            "key_hash",
            "client_secret",
            "access_token",
            "refresh_token");

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(at, "at");
        changes = changes == null ? null : redact(changes);
    }

    /** An entry authored by the caller: admin accounts are recorded as such, users as users. */
    public static AuditEntry by(
            Caller actor,
            UUID id,
            String action,
            String entityType,
            UUID entityId,
            Map<String, Object> changes,
            Instant at) {
        UUID adminUserId = actor.kind() == PrincipalKind.ADMIN_USER ? actor.principalId() : null;
        UUID userId = actor.kind() == PrincipalKind.USER ? actor.principalId() : actor.userId();
        return new AuditEntry(
                id,
                userId,
                adminUserId,
                action,
                entityType,
                entityId,
                changes,
                actor.origin().ipAddress(),
                actor.origin().userAgent(),
                at);
    }

    /**
     * True for a field whose values are never shown: the names of {@code SECRET_FIELDS}, and any name containing
     * {@code password}, {@code secret}, {@code token}, {@code credential} or {@code signature} (any case), so that
     * {@code webhook_token} or {@code client_secret_v2} are hidden too.
     */
    public static boolean isSecretField(String field) {
        if (field == null) {
            return false;
        }
        String name = field.toLowerCase(java.util.Locale.ROOT);
        return SECRET_FIELDS.contains(name)
                || name.contains("password")
                || name.contains("secret")
                || name.contains("token")
                || name.contains("credential")
                || name.contains("signature");
    }

    private static Map<String, Object> redact(Map<String, Object> changes) {
        Map<String, Object> copy = new LinkedHashMap<>();
        changes.forEach((field, value) -> copy.put(field, isSecretField(field) ? "***" : value));
        return copy;
    }
}
