package com.tentabo.prm.application.audit;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One {@code audit_logs} row: who (user or admin account), what (action on an entity) and the changed
 * {@link AuditChange.Field}s, which the persistence adapter writes as {@code {field: {"before": x, "after": y}}}.
 * Values of secret fields are never kept ({@link AuditChange.Kind#HIDDEN}, written {@code "***"}).
 */
public record AuditEntry(
        AuditLogId id,
        UserId userId,
        AdminUserId adminUserId,
        String action,
        String entityType,
        UUID entityId,
        List<AuditChange.Field> changes,
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
        changes = changes == null ? null : List.copyOf(changes);
    }

    /** A row whose changes are a map already in its JSON shape ({@link Changes}), each field written as given. */
    public AuditEntry(
            AuditLogId id,
            UserId userId,
            AdminUserId adminUserId,
            String action,
            String entityType,
            UUID entityId,
            Map<String, ?> changes,
            String ipAddress,
            String userAgent,
            Instant at) {
        this(
                id,
                userId,
                adminUserId,
                action,
                entityType,
                entityId,
                changes == null ? null : AuditChange.asGiven(changes),
                ipAddress,
                userAgent,
                at);
    }

    /** The row of a change by an author. */
    public static AuditEntry of(AuditLogId id, AuditAuthor author, AuditChange change, Instant at) {
        return new AuditEntry(
                id,
                author.userId(),
                author.adminUserId(),
                change.action(),
                change.entityType(),
                change.entityId(),
                change.fields(),
                author.ipAddress(),
                author.userAgent(),
                at);
    }

    /** An entry authored by the caller, its changes a map already in its JSON shape ({@link Changes}). */
    public static AuditEntry by(
            Caller actor,
            AuditLogId id,
            String action,
            String entityType,
            UUID entityId,
            Map<String, Object> changes,
            Instant at) {
        return of(id, AuditAuthor.of(actor), new AuditChange(action, entityType, entityId, changes), at);
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
}
