package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.ApiKeyId;
import com.tentabo.prm.domain.identity.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys ({@code api_keys}). */
public interface ApiKeyRepository {

    void save(ApiKey key);

    Optional<ApiKey> findById(ApiKeyId id);

    List<ApiKey> findByPrefix(String prefix);

    /** The owner's keys, newest first. */
    List<ApiKey> listOwnedBy(PrincipalKind kind, UUID ownerId);

    /** Revokes every unrevoked key of the owner at {@code at} (its password changed or was reset). */
    void revokeAllOwnedBy(PrincipalKind kind, UUID ownerId, Instant at);

    /** Sets {@code last_used_at = now} only when it is null or older than {@code staleBefore} (one cheap UPDATE). */
    void touch(ApiKeyId id, Instant now, Instant staleBefore);
}
