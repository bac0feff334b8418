package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.application.shared.port.out.IdempotencyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * {@code INSERT … ON CONFLICT DO NOTHING}: a concurrent claim of the same key blocks until the first transaction
 * ends, then sees the first claim (or claims it, if the first rolled back). One caller holds at most
 * {@code prm.idempotency.max-keys-per-caller} live keys: a new claim evicts that caller's oldest keys beyond the cap in
 * the same statement (a retry with an evicted key creates again, as after the retention period).
 */
@ApplicationScoped
public class JpaIdempotencyRepository implements IdempotencyRepository {

    /** Claims the key; when the claim is new, deletes the caller's keys older than its newest {@code cap - 1}. */
    static final String CLAIM =
            "WITH claimed AS (INSERT INTO idempotency_keys (principal_id, operation, idempotency_key, "
                    + "request_hash, resource_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1), "
                    + "evicted AS (DELETE FROM idempotency_keys WHERE EXISTS (SELECT 1 FROM claimed) AND ctid = ANY (ARRAY("
                    + "SELECT ctid FROM idempotency_keys WHERE principal_id = ? ORDER BY created_at DESC OFFSET ?))) "
                    + "SELECT count(*) FROM claimed";

    private final EntityManager em;
    private final int maxKeysPerCaller;

    public JpaIdempotencyRepository(
            EntityManager em,
            @ConfigProperty(name = "prm.idempotency.max-keys-per-caller", defaultValue = "1000") int maxKeysPerCaller) {
        this.em = em;
        this.maxKeysPerCaller = Math.max(1, maxKeysPerCaller);
    }

    @Override
    public Optional<Claimed> claim(
            UUID principalId, String operation, String key, String requestHash, UUID resourceId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
                insert.setObject(1, principalId);
                insert.setString(2, operation);
                insert.setString(3, key);
                insert.setString(4, requestHash);
                insert.setObject(5, resourceId);
                insert.setObject(6, principalId);
                insert.setInt(7, maxKeysPerCaller - 1);
                try (ResultSet rs = insert.executeQuery()) {
                    if (rs.next() && rs.getLong(1) == 1) {
                        return Optional.<Claimed>empty();
                    }
                }
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT request_hash, resource_id FROM idempotency_keys "
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
                .setParameter(1, before)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
