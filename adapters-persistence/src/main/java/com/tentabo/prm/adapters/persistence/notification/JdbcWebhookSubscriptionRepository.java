package com.tentabo.prm.adapters.persistence.notification;

import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.KeysetSql;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.application.notification.port.out.WebhookSubscriptionRepository;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.WebhookDeliveryId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.notification.NotificationType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plain SQL on {@code webhook_subscriptions}, {@code webhook_deliveries} and {@code webhook_delivery_attempts}. The
 * signing secret is sealed with the provider credentials key ({@link CredentialsCipher}, AES-256-GCM bound to the
 * subscription's id): without a key no subscription can be created (503 {@code CREDENTIALS_KEY_MISSING}).
 */
@ApplicationScoped
public class JdbcWebhookSubscriptionRepository implements WebhookSubscriptionRepository {

    private static final String SUBSCRIPTIONS = "SELECT id, owner_kind, owner_id, partner_id, distributor_id, url, "
            + "events::text, description, is_active, disabled_at, disabled_reason, created_at, updated_at "
            + "FROM webhook_subscriptions";
    private static final String DELIVERIES = "SELECT id, subscription_id, event_id, event_type, payload::text, status, "
            + "attempts, last_status, last_error, created_at, delivered_at FROM webhook_deliveries";
    private static final String SECRET = "secret";

    private final EntityManager em;
    private final CredentialsCipher cipher;

    public JdbcWebhookSubscriptionRepository(EntityManager em, CredentialsCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    @Override
    public void insert(WebhookSubscription s, String secret) {
        List<Object> params = new ArrayList<>();
        params.add(s.id().value());
        params.add(NotificationColumns.kind(s.ownerKind()));
        params.add(s.ownerId());
        params.add(EntityId.uuid(s.partnerId()));
        params.add(EntityId.uuid(s.distributorId()));
        params.add(s.url());
        params.add(events(s.events()));
        params.add(s.description());
        params.add(sealed(s.id().value(), secret));
        params.add(s.active());
        params.add(Timestamp.from(s.createdAt()));
        params.add(Timestamp.from(s.updatedAt()));
        SqlRows.query(
                em,
                "INSERT INTO webhook_subscriptions (id, owner_kind, owner_id, partner_id, distributor_id, url, "
                        + "events, description, secret, is_active, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?) RETURNING id",
                params,
                rs -> rs.getObject(1));
    }

    @Override
    public Optional<WebhookSubscription> find(WebhookSubscriptionId id) {
        return SqlRows.query(
                        em,
                        SUBSCRIPTIONS + " WHERE id = ?",
                        List.of(id.value()),
                        JdbcWebhookSubscriptionRepository::subscription)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<WebhookSubscription> findForUpdate(WebhookSubscriptionId id) {
        return SqlRows.query(
                        em,
                        SUBSCRIPTIONS + " WHERE id = ? FOR UPDATE",
                        List.of(id.value()),
                        JdbcWebhookSubscriptionRepository::subscription)
                .stream()
                .findFirst();
    }

    @Override
    public String secretOf(WebhookSubscriptionId id) {
        String stored = SqlRows.query(
                        em,
                        "SELECT secret::text FROM webhook_subscriptions WHERE id = ?",
                        List.of(id.value()),
                        rs -> rs.getString(1))
                .stream()
                .findFirst()
                .orElseThrow();
        Map<String, Object> sealed = new LinkedHashMap<>(NotificationColumns.textMap(stored));
        String secret =
                cipher.decrypt(id.value(), "webhook subscription " + id, sealed).get(SECRET);
        if (secret == null) {
            throw ProviderFailure.permanent("webhook subscription " + id + " has no signing secret");
        }
        return secret;
    }

    @Override
    public List<WebhookSubscription> list(
            TenantScope scope, Instant cursorAt, WebhookSubscriptionId cursorId, int limit) {
        KeysetSql sql = new KeysetSql(SUBSCRIPTIONS, "created_at", "id");
        if (scope instanceof TenantScope.OfPartner partner) {
            sql.eq("partner_id", partner.partnerId().value());
        } else if (scope instanceof TenantScope.OfDistributor distributor) {
            sql.eq("distributor_id", distributor.distributorId().value());
        }
        return sql.after(cursorAt, EntityId.uuid(cursorId))
                .newestFirst(em, limit, JdbcWebhookSubscriptionRepository::subscription);
    }

    @Override
    public void update(WebhookSubscription s) {
        List<Object> params = new ArrayList<>();
        params.add(s.url());
        params.add(events(s.events()));
        params.add(s.description());
        params.add(s.active());
        params.add(s.disabledAt() == null ? null : Timestamp.from(s.disabledAt()));
        params.add(s.disabledReason());
        params.add(Timestamp.from(s.updatedAt()));
        params.add(s.id().value());
        SqlRows.query(
                em,
                "UPDATE webhook_subscriptions SET url = ?, events = ?::jsonb, description = ?, is_active = ?, "
                        + "disabled_at = ?, disabled_reason = ?, updated_at = ? WHERE id = ? RETURNING id",
                params,
                rs -> rs.getObject(1));
    }

    @Override
    public void replaceSecret(WebhookSubscriptionId id, String secret, Instant at) {
        SqlRows.query(
                em,
                "UPDATE webhook_subscriptions SET secret = ?::jsonb, updated_at = ? WHERE id = ? RETURNING id",
                List.of(sealed(id.value(), secret), Timestamp.from(at), id.value()),
                rs -> rs.getObject(1));
    }

    @Override
    public void delete(WebhookSubscriptionId id) {
        SqlRows.query(
                em,
                "DELETE FROM webhook_subscriptions WHERE id = ? RETURNING id",
                List.of(id.value()),
                rs -> rs.getObject(1));
    }

    @Override
    public List<WebhookSubscription> activeFor(NotificationType type) {
        return SqlRows.query(
                em,
                SUBSCRIPTIONS + " WHERE is_active AND events @> ?::jsonb",
                List.of(JsonText.write(List.of(type.wireName()))),
                JdbcWebhookSubscriptionRepository::subscription);
    }

    @Override
    public boolean insertDeliveryOnce(
            WebhookDeliveryId id,
            WebhookSubscriptionId subscriptionId,
            UUID eventId,
            NotificationType type,
            String payloadJson,
            Instant at) {
        return !SqlRows.query(
                        em,
                        "INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, "
                                + "status, attempts, created_at) VALUES (?, ?, ?, ?, ?::jsonb, 'pending', 0, ?) "
                                + "ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id",
                        List.of(
                                id.value(),
                                subscriptionId.value(),
                                eventId,
                                type.wireName(),
                                payloadJson,
                                Timestamp.from(at)),
                        rs -> rs.getObject(1))
                .isEmpty();
    }

    @Override
    public Optional<WebhookDeliveryRecord> findDelivery(WebhookDeliveryId id) {
        return withAttempts(SqlRows.query(
                        em,
                        DELIVERIES + " WHERE id = ?",
                        List.of(id.value()),
                        JdbcWebhookSubscriptionRepository::delivery))
                .stream()
                .findFirst();
    }

    @Override
    public List<WebhookDeliveryRecord> deliveries(
            WebhookSubscriptionId subscriptionId, Instant cursorAt, WebhookDeliveryId cursorId, int limit) {
        return withAttempts(new KeysetSql(DELIVERIES, "created_at", "id")
                .eq("subscription_id", subscriptionId.value())
                .after(cursorAt, EntityId.uuid(cursorId))
                .newestFirst(em, limit, JdbcWebhookSubscriptionRepository::delivery));
    }

    @Override
    public void recordAttempt(
            WebhookDeliveryId deliveryId, WebhookDeliveryRecord.Attempt attempt, String status, Instant deliveredAt) {
        List<Object> params = new ArrayList<>();
        params.add(UUID.randomUUID());
        params.add(deliveryId.value());
        params.add(attempt.attempt());
        params.add(Timestamp.from(attempt.attemptedAt()));
        params.add(attempt.statusCode());
        params.add(attempt.error());
        params.add(attempt.durationMs());
        SqlRows.query(
                em,
                "INSERT INTO webhook_delivery_attempts (id, delivery_id, attempt, attempted_at, status_code, "
                        + "error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                params,
                rs -> rs.getObject(1));
        List<Object> update = new ArrayList<>();
        update.add(status);
        update.add(attempt.attempt());
        update.add(attempt.statusCode());
        update.add(attempt.error());
        update.add(deliveredAt == null ? null : Timestamp.from(deliveredAt));
        update.add(deliveryId.value());
        SqlRows.query(
                em,
                "UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status = ?, last_error = ?, "
                        + "delivered_at = ? WHERE id = ? RETURNING id",
                update,
                rs -> rs.getObject(1));
    }

    @Override
    public void setDeliveryStatus(WebhookDeliveryId deliveryId, String status, String error) {
        List<Object> params = new ArrayList<>();
        params.add(status);
        params.add(error);
        params.add(deliveryId.value());
        SqlRows.query(
                em,
                "UPDATE webhook_deliveries SET status = ?, last_error = coalesce(?, last_error) WHERE id = ? "
                        + "RETURNING id",
                params,
                rs -> rs.getObject(1));
    }

    private String sealed(UUID id, String secret) {
        if (!cipher.hasKey()) {
            throw new DomainException(
                    ErrorCode.CREDENTIALS_KEY_MISSING,
                    "Webhook signing secrets are stored encrypted: configure PRM_PROVIDER_CREDENTIALS_KEY first");
        }
        return JsonText.write(cipher.encrypt(id, Map.of(SECRET, secret)));
    }

    private static String events(Set<NotificationType> events) {
        return JsonText.write(
                events.stream().map(NotificationType::wireName).sorted().toList());
    }

    private List<WebhookDeliveryRecord> withAttempts(List<WebhookDeliveryRecord> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<WebhookDeliveryId, List<WebhookDeliveryRecord.Attempt>> attempts = SqlRows.query(
                        em,
                        "SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms "
                                + "FROM webhook_delivery_attempts WHERE delivery_id = ANY (?::uuid[]) ORDER BY attempt, attempted_at",
                        List.of(deliveries.stream()
                                .map(d -> d.id().toString())
                                .collect(Collectors.joining(",", "{", "}"))),
                        rs -> Map.entry(
                                new WebhookDeliveryId(rs.getObject(1, UUID.class)),
                                new WebhookDeliveryRecord.Attempt(
                                        rs.getInt(2),
                                        SqlRows.instant(rs, 3),
                                        (Integer) rs.getObject(4),
                                        rs.getString(5),
                                        rs.getInt(6))))
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return deliveries.stream()
                .map(d -> new WebhookDeliveryRecord(
                        d.id(),
                        d.subscriptionId(),
                        d.eventId(),
                        d.eventType(),
                        d.payloadJson(),
                        d.status(),
                        d.attempts(),
                        d.lastStatus(),
                        d.lastError(),
                        d.createdAt(),
                        d.deliveredAt(),
                        attempts.getOrDefault(d.id(), List.of())))
                .toList();
    }

    private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
        Set<NotificationType> events = EnumSet.noneOf(NotificationType.class);
        NotificationColumns.textList(rs.getString(7))
                .forEach(name -> NotificationType.ofWireName(name).ifPresent(events::add));
        return new WebhookSubscription(
                new WebhookSubscriptionId(rs.getObject(1, UUID.class)),
                NotificationColumns.kind(rs.getString(2)),
                rs.getObject(3, UUID.class),
                PartnerId.ofNullable(rs.getObject(4, UUID.class)),
                DistributorId.ofNullable(rs.getObject(5, UUID.class)),
                rs.getString(6),
                events,
                rs.getString(8),
                rs.getBoolean(9),
                SqlRows.instant(rs, 10),
                rs.getString(11),
                SqlRows.instant(rs, 12),
                SqlRows.instant(rs, 13));
    }

    private static WebhookDeliveryRecord delivery(ResultSet rs) throws SQLException {
        return new WebhookDeliveryRecord(
                new WebhookDeliveryId(rs.getObject(1, UUID.class)),
                new WebhookSubscriptionId(rs.getObject(2, UUID.class)),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                (Integer) rs.getObject(8),
                rs.getString(9),
                SqlRows.instant(rs, 10),
                SqlRows.instant(rs, 11),
                List.of());
    }
}
