package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.identity.port.out.ConsoleSessionRepository;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.ConsoleSessionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@code console_sessions} (V19), in plain SQL: no entity maps it. */
@ApplicationScoped
public class JdbcConsoleSessionRepository implements ConsoleSessionRepository {

    private final EntityManager em;

    public JdbcConsoleSessionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void save(StoredSession session) {
        em.createNativeQuery("INSERT INTO console_sessions (id, token_hash, principal_kind, principal_id, created_at, "
                        + "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, session.id().value())
                .setParameter(2, session.tokenHash())
                .setParameter(3, session.kind().name().toLowerCase(Locale.ROOT))
                .setParameter(4, session.principalId())
                .setParameter(5, Timestamp.from(session.createdAt()))
                .setParameter(6, Timestamp.from(session.expiresAt()))
                .executeUpdate();
    }

    @Override
    public Optional<StoredSession> findLive(String tokenHash, Instant now) {
        return SqlRows.query(
                        em,
                        "SELECT id, token_hash, principal_kind, principal_id, created_at, expires_at "
                                + "FROM console_sessions WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?",
                        List.of(tokenHash, Timestamp.from(now)),
                        rs -> new StoredSession(
                                new ConsoleSessionId(rs.getObject(1, UUID.class)),
                                rs.getString(2),
                                PrincipalKind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                                rs.getObject(4, UUID.class),
                                SqlRows.instant(rs, 5),
                                SqlRows.instant(rs, 6)))
                .stream()
                .findFirst();
    }

    @Override
    public void revoke(String tokenHash, Instant at) {
        em.createNativeQuery("UPDATE console_sessions SET revoked_at = ?1 WHERE token_hash = ?2 AND revoked_at IS NULL")
                .setParameter(1, Timestamp.from(at))
                .setParameter(2, tokenHash)
                .executeUpdate();
    }

    @Override
    public int deleteEndedBefore(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM console_sessions WHERE id IN (SELECT id FROM console_sessions "
                        + "WHERE expires_at < ?1 OR revoked_at < ?1 LIMIT ?2)")
                .setParameter(1, Timestamp.from(before))
                .setParameter(2, limit)
                .executeUpdate();
    }
}
