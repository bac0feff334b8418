package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The seed's {@code (provider_name, event_id)} index is not unique (the replaced system's rows may repeat a pair), so
 * de-duplication takes a transaction-level advisory lock on the pair before looking: two deliveries of one event
 * arriving together are stored once, without a constraint that an adopted database could not take.
 */
@ApplicationScoped
public class JdbcWebhookEventRepository implements WebhookEventRepository {

    private final EntityManager em;

    public JdbcWebhookEventRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UUID> lockAndFind(String providerName, String eventId) {
        SqlRows.lockForTransaction(em, "webhook_events:" + providerName + "/" + eventId);
        return SqlRows.query(em, "SELECT id FROM webhook_events WHERE provider_name = ? AND event_id = ? "
                + "ORDER BY received_at LIMIT 1", List.of(providerName, eventId), rs -> rs.getObject(1, UUID.class))
                .stream().findFirst();
    }

    @Override
    public void insert(UUID id, String providerName, ProviderType type, ParsedWebhook event, Map<String, String> headers,
                       String ipAddress, Instant receivedAt) {
        em.createNativeQuery("INSERT INTO webhook_events (id, provider_name, provider_type, event_type, event_id, payload, "
                        + "status, ip_address, headers, received_at, created_at) VALUES (?1, ?2, CAST(?3 AS providertype), ?4, "
                        + "?5, CAST(?6 AS jsonb), " + literal(WebhookEventStatus.PENDING) + ", ?7, CAST(?8 AS jsonb), ?9, ?9)")
                .setParameter(1, id).setParameter(2, providerName).setParameter(3, type.name())
                .setParameter(4, event.eventType()).setParameter(5, event.eventId()).setParameter(6, event.payloadJson())
                .setParameter(7, ipAddress).setParameter(8, JsonText.write(headers))
                .setParameter(9, Timestamp.from(receivedAt)).executeUpdate();
    }

    private static final String CLAIM = "UPDATE webhook_events w SET attempts = w.attempts + 1, next_attempt_at = ? "
            + "WHERE w.id IN (SELECT id FROM webhook_events WHERE status = " + literal(WebhookEventStatus.PENDING) + " "
            + "AND COALESCE(next_attempt_at, received_at) <= ? ORDER BY COALESCE(next_attempt_at, received_at), id "
            + "LIMIT ? FOR UPDATE SKIP LOCKED) "
            + "RETURNING w.id, w.provider_name, w.event_type, w.payload::text, w.attempts, w.received_at";

    @Override
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return SqlRows.query(em, CLAIM, List.of(Timestamp.from(leaseUntil), Timestamp.from(now), limit),
                        rs -> Map.entry(SqlRows.instant(rs, 6), new Claimed(rs.getObject(1, UUID.class), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getInt(5))))
                .stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    @Override
    public void settle(UUID id, WebhookEventStatus status, Instant at) {
        em.createNativeQuery("UPDATE webhook_events SET status = ?2, processed_at = ?3, error_message = NULL, "
                        + "next_attempt_at = NULL WHERE id = ?1")
                .setParameter(1, id).setParameter(2, stored(status)).setParameter(3, Timestamp.from(at)).executeUpdate();
    }

    @Override
    public void settleWithReason(UUID id, WebhookEventStatus status, String reason, Instant at) {
        em.createNativeQuery("UPDATE webhook_events SET status = ?2, processed_at = ?3, error_message = ?4, "
                        + "next_attempt_at = NULL WHERE id = ?1")
                .setParameter(1, id).setParameter(2, stored(status)).setParameter(3, Timestamp.from(at))
                .setParameter(4, reason).executeUpdate();
    }

    @Override
    public void retryLater(UUID id, Instant next, String error) {
        em.createNativeQuery("UPDATE webhook_events SET status = " + literal(WebhookEventStatus.PENDING)
                        + ", next_attempt_at = ?2, error_message = ?3 "
                        + "WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(next)).setParameter(3, error).executeUpdate();
    }

    @Override
    public void markFailed(UUID id, String error, Instant at) {
        em.createNativeQuery("UPDATE webhook_events SET status = " + literal(WebhookEventStatus.FAILED)
                        + ", processed_at = ?2, error_message = ?3, "
                        + "next_attempt_at = NULL WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(at)).setParameter(3, error).executeUpdate();
    }

    @Override
    public Optional<String> lockStatus(UUID id) {
        return SqlRows.query(em, "SELECT status FROM webhook_events WHERE id = ? FOR UPDATE", List.of(id),
                rs -> rs.getString(1)).stream().findFirst();
    }

    @Override
    public void requeue(UUID id, Instant now) {
        em.createNativeQuery("UPDATE webhook_events SET status = " + literal(WebhookEventStatus.PENDING)
                        + ", attempts = 0, next_attempt_at = ?2, "
                        + "processed_at = NULL WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).executeUpdate();
    }

    /** An event's status as {@code webhook_events.status} stores it: the seed's lower-case strings, exactly. */
    static String stored(WebhookEventStatus status) {
        return switch (status) {
            case PENDING -> "pending";
            case PROCESSED -> "processed";
            case IGNORED -> "ignored";
            case FAILED -> "failed";
        };
    }

    private static String literal(WebhookEventStatus status) {
        return "'" + stored(status) + "'";
    }
}
