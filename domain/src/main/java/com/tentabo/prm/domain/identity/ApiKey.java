package com.tentabo.prm.domain.identity;

import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.ApiKeyId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An API key ({@code api_keys}): the key itself is shown once at creation and only its SHA-256 hash is kept.
 * Invariants: one owner (admin account or user); at least one scope; a revoked or expired key is never usable;
 * {@code lastUsedAt} is refreshed at most once per {@link #LAST_USED_RESOLUTION}.
 */
public record ApiKey(
        ApiKeyId id,
        String name,
        String prefix,
        String keyHash,
        PrincipalKind ownerKind,
        UUID ownerId,
        Set<ApiScope> scopes,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        Instant createdAt) {

    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key has at least one scope");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean lastUsedIsStaleAt(Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USED_RESOLUTION));
    }

    public boolean ownedBy(PrincipalKind kind, UUID principalId) {
        return ownerKind == kind && ownerId.equals(principalId);
    }

    public ApiKey revoked(Instant now) {
        return revokedAt != null
                ? this
                : new ApiKey(
                        id, name, prefix, keyHash, ownerKind, ownerId, scopes, expiresAt, now, lastUsedAt, createdAt);
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", prefix=" + prefix + ", owner=" + ownerKind + ":" + ownerId + "]";
    }
}
