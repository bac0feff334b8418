package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.application.shared.port.out.IdempotencyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code INSERT … ON CONFLICT DO NOTHING}: a concurrent claim of the same key blocks until the first transaction
 * ends, then sees the first claim (or claims it, if the first rolled back).
 */
@ApplicationScoped
public class JpaIdempotencyRepository implements IdempotencyRepository {

    private final EntityManager em;

    public JpaIdempotencyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Claimed> claim(UUID principalId, String operation, String key, String requestHash, UUID resourceId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO idempotency_keys (principal_id, operation, idempotency_key, request_hash, resource_id) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, principalId);
                insert.setString(2, operation);
                insert.setString(3, key);
                insert.setString(4, requestHash);
                insert.setObject(5, resourceId);
                if (insert.executeUpdate() == 1) {
                    return Optional.<Claimed>empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT request_hash, resource_id FROM idempotency_keys "
                            + "WHERE principal_id = ? AND operation = ? AND idempotency_key = ?")) {
                select.setObject(1, principalId);
                select.setString(2, operation);
                select.setString(3, key);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Optional.of(new Claimed(rs.getString(1), rs.getObject(2, UUID.class)));
                }
            }
        });
    }

    @Override
    public int deleteBefore(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY("
                        + "SELECT ctid FROM idempotency_keys WHERE created_at < ?1 LIMIT ?2))")
                .setParameter(1, before).setParameter(2, limit).executeUpdate();
    }
}
