package com.tentabo.prm.adapters.persistence.outbox;

import com.tentabo.prm.adapters.persistence.shared.KeysetSql;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository.Claimed;
import com.tentabo.prm.domain.id.OutboxEventId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Claims with {@code FOR UPDATE SKIP LOCKED} in one statement that also moves the claimed rows' next attempt to the
 * end of their lease: two instances claiming at once get disjoint events, and an event whose instance died becomes due
 * again when its lease ends.
 */
@ApplicationScoped
public class JdbcOutboxRepository implements OutboxRepository {

    private static final String CLAIM = "UPDATE outbox_events e SET attempts = e.attempts + 1, next_attempt_at = ? "
            + "WHERE e.id IN (SELECT id FROM outbox_events WHERE status = "
            + OutboxStatuses.literal(OutboxStatus.PENDING)
            + " AND next_attempt_at <= ? "
            + "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING e.id, e.attempts";

    static final String EVENTS = "SELECT id, topic, aggregate_type, aggregate_id, payload::text, status, attempts, "
            + "next_attempt_at, last_error, created_at, delivered_at FROM outbox_events";

    /** A settled event keeps no sealed secret ({@link OutboxPayloadJson#SEALED_TOKEN}). */
    private static final String SETTLED_PAYLOAD = "payload = payload - '" + OutboxPayloadJson.SEALED_TOKEN + "'";

    private final EntityManager em;

    public JdbcOutboxRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Claimed<OutboxEventId, OutboxMessage>> claim(int batch, Instant now, Instant leaseUntil) {
        Map<UUID, Integer> attempts = SqlRows.query(
                        em,
                        CLAIM,
                        List.of(Timestamp.from(leaseUntil), Timestamp.from(now), batch),
                        rs -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (attempts.isEmpty()) {
            return List.of();
        }
        Map<UUID, OutboxEventEntity> rows = em.createQuery(
                        "select e from OutboxEventEntity e where e.id in :ids", OutboxEventEntity.class)
                .setParameter("ids", attempts.keySet())
                .getResultStream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        return rows.values().stream()
                .sorted(java.util.Comparator.comparing((OutboxEventEntity e) -> e.createdAt)
                        .thenComparing(e -> e.id))
                .map(e -> claimed(e, attempts.get(e.id)))
                .toList();
    }

    /** A claimed row as the worker takes it: its message and this attempt's number. */
    private static Claimed<OutboxEventId, OutboxMessage> claimed(OutboxEventEntity e, int attempt) {
        OutboxEventId id = new OutboxEventId(e.id);
        return new Claimed<>(
                id,
                new OutboxMessage(
                        id, e.topic, e.aggregateType, e.aggregateId, OutboxPayloadJson.read(e.topic, e.payload)),
                attempt);
    }

    @Override
    public void succeeded(OutboxEventId id, Instant at) {
        update(
                "UPDATE outbox_events SET status = " + OutboxStatuses.literal(OutboxStatus.DELIVERED)
                        + ", delivered_at = ?2, last_error = NULL, "
                        + SETTLED_PAYLOAD + " WHERE id = ?1",
                id,
                at);
    }

    @Override
    public void failed(OutboxEventId id, String error, Instant nextAttemptAt) {
        em.createNativeQuery("UPDATE outbox_events SET status = " + OutboxStatuses.literal(OutboxStatus.PENDING)
                        + ", next_attempt_at = ?2, last_error = ?3 WHERE id = ?1")
                .setParameter(1, id.value())
                .setParameter(2, nextAttemptAt)
                .setParameter(3, error)
                .executeUpdate();
    }

    @Override
    public void deadLettered(OutboxEventId id, String reason, Instant at) {
        update(
                "UPDATE outbox_events SET status = " + OutboxStatuses.literal(OutboxStatus.FAILED)
                        + ", last_error = ?2, "
                        + SETTLED_PAYLOAD
                        + " WHERE id = ?1",
                id,
                reason);
    }

    @Override
    public void markSkipped(OutboxEventId id, Instant at, String reason) {
        em.createNativeQuery("UPDATE outbox_events SET status = " + OutboxStatuses.literal(OutboxStatus.SKIPPED)
                        + ", delivered_at = ?2, last_error = ?3, "
                        + SETTLED_PAYLOAD + " WHERE id = ?1")
                .setParameter(1, id.value())
                .setParameter(2, at)
                .setParameter(3, reason)
                .executeUpdate();
    }

    @Override
    public List<OutboxEventRecord> list(OutboxQuery q) {
        return new KeysetSql(EVENTS, "created_at", "id")
                .eq("status", q.status() == null ? null : OutboxStatuses.stored(q.status()))
                .eq("topic", q.topic())
                .eq("aggregate_id", q.aggregateId())
                .window(q.since(), q.until())
                .after(q.cursorAt(), q.cursorId())
                .newestFirst(em, q.limit(), JdbcOutboxRepository::record);
    }

    @Override
    public Optional<OutboxEventRecord> find(OutboxEventId id) {
        return SqlRows.query(em, EVENTS + " WHERE id = ?", List.of(id.value()), JdbcOutboxRepository::record).stream()
                .findFirst();
    }

    @Override
    public Optional<OutboxEventRecord> findForUpdate(OutboxEventId id) {
        return SqlRows.query(em, EVENTS + " WHERE id = ? FOR UPDATE", List.of(id.value()), JdbcOutboxRepository::record)
                .stream()
                .findFirst();
    }

    @Override
    public void requeue(OutboxEventId id, Instant now) {
        update(
                "UPDATE outbox_events SET status = " + OutboxStatuses.literal(OutboxStatus.PENDING)
                        + ", attempts = 0, next_attempt_at = ?2, delivered_at = NULL "
                        + "WHERE id = ?1",
                id,
                now);
    }

    private static OutboxEventRecord record(ResultSet rs) throws SQLException {
        return new OutboxEventRecord(
                new OutboxEventId(rs.getObject(1, UUID.class)),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getString(5),
                OutboxStatuses.read(rs.getString(6)),
                rs.getInt(7),
                SqlRows.instant(rs, 8),
                rs.getString(9),
                SqlRows.instant(rs, 10),
                SqlRows.instant(rs, 11));
    }

    private void update(String sql, OutboxEventId id, Object value) {
        em.createNativeQuery(sql)
                .setParameter(1, id.value())
                .setParameter(2, value)
                .executeUpdate();
    }
}
