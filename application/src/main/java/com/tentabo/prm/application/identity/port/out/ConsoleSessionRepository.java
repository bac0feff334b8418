package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.ConsoleSessionId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Web console sessions ({@code console_sessions}), found by the SHA-256 hash of their token. */
public interface ConsoleSessionRepository {

    record StoredSession(
            ConsoleSessionId id,
            String tokenHash,
            PrincipalKind kind,
            UUID principalId,
            Instant createdAt,
            Instant expiresAt) {}

    void save(StoredSession session);

    /** The session with this token hash that is neither revoked nor expired at {@code now}. */
    Optional<StoredSession> findLive(String tokenHash, Instant now);

    void revoke(String tokenHash, Instant at);

    /** Deletes sessions that ended (expired or revoked) before {@code before}; at most {@code limit} rows. */
    int deleteEndedBefore(Instant before, int limit);
}
