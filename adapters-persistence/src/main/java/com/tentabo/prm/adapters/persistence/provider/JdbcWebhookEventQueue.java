package com.tentabo.prm.adapters.persistence.provider;

import static com.tentabo.prm.adapters.persistence.provider.JdbcWebhookEventRepository.literal;
import static com.tentabo.prm.adapters.persistence.provider.JdbcWebhookEventRepository.stored;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository;
import com.tentabo.prm.domain.id.WebhookEventId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The processing worker's side of {@code webhook_events}, with the seed's columns and lower-case statuses: an event is
 * due at {@code next_attempt_at}, or at {@code received_at} while it has none; claimed with {@code FOR UPDATE SKIP
 * LOCKED} in one statement that also moves its next attempt to the end of the lease. An ended event has no next
 * attempt and its time in {@code processed_at}; {@code error_message} holds a failure or why it was ignored.
 */
@ApplicationScoped
public class JdbcWebhookEventQueue implements WebhookQueueRepository {

    private static final String CLAIM = "UPDATE webhook_events w SET attempts = w.attempts + 1, next_attempt_at = ? "
            + "WHERE w.id IN (SELECT id FROM webhook_events WHERE status = " + literal(WebhookEventStatus.PENDING) + " "
            + "AND COALESCE(next_attempt_at, received_at) <= ? ORDER BY COALESCE(next_attempt_at, received_at), id "
            + "LIMIT ? FOR UPDATE SKIP LOCKED) "
            + "RETURNING w.id, w.provider_name, w.event_type, w.payload::text, w.attempts, w.received_at";

    private final EntityManager em;

    public JdbcWebhookEventQueue(EntityManager em) {
        this.em = em;
    }

    /** Claimed events, oldest received first. */
    @Override
    public List<Claimed<WebhookEventId, Received>> claim(int batch, Instant now, Instant leaseUntil) {
        return SqlRows.query(
                        em,
                        CLAIM,
                        List.of(Timestamp.from(leaseUntil), Timestamp.from(now), batch),
                        rs -> Map.entry(
                                SqlRows.instant(rs, 6),
                                new Claimed<>(
                                        new WebhookEventId(rs.getObject(1, UUID.class)),
                                        new Received(rs.getString(2), rs.getString(3), rs.getString(4)),
                                        rs.getInt(5))))
                .stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public void succeeded(WebhookEventId id, Instant at) {
        settle(em, id, WebhookEventStatus.PROCESSED, null, at);
    }

    @Override
    public void settle(WebhookEventId id, WebhookEventStatus status, String reason, Instant at) {
        settle(em, id, status, reason, at);
    }

    /** Ends an event with {@code status} at {@code at}; {@code reason} (null: none) in {@code error_message}. */
    static void settle(EntityManager em, WebhookEventId id, WebhookEventStatus status, String reason, Instant at) {
        // no null bound: a native query's untyped null would not be read as text
        Query update = em.createNativeQuery("UPDATE webhook_events SET status = ?2, processed_at = ?3, error_message = "
                        + (reason == null ? "NULL" : "?4") + ", next_attempt_at = NULL WHERE id = ?1")
                .setParameter(1, id.value())
                .setParameter(2, stored(status))
                .setParameter(3, Timestamp.from(at));
        if (reason != null) {
            update.setParameter(4, reason);
        }
        update.executeUpdate();
    }

    @Override
    public void failed(WebhookEventId id, String error, Instant nextAttemptAt) {
        em.createNativeQuery("UPDATE webhook_events SET status = " + literal(WebhookEventStatus.PENDING)
                        + ", next_attempt_at = ?2, error_message = ?3 "
                        + "WHERE id = ?1")
                .setParameter(1, id.value())
                .setParameter(2, Timestamp.from(nextAttemptAt))
                .setParameter(3, error)
                .executeUpdate();
    }

    @Override
    public void deadLettered(WebhookEventId id, String reason, Instant at) {
        settle(em, id, WebhookEventStatus.FAILED, reason, at);
    }

    @Override
    public Optional<String> lockStatus(WebhookEventId id) {
        return SqlRows.query(
                        em,
                        "SELECT status FROM webhook_events WHERE id = ? FOR UPDATE",
                        List.of(id.value()),
                        rs -> rs.getString(1))
                .stream()
                .findFirst();
    }

    @Override
    public void requeue(WebhookEventId id, Instant now) {
        em.createNativeQuery("UPDATE webhook_events SET status = " + literal(WebhookEventStatus.PENDING)
                        + ", attempts = 0, next_attempt_at = ?2, "
                        + "processed_at = NULL WHERE id = ?1")
                .setParameter(1, id.value())
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
    }
}
