package com.tentabo.prm.application.notification.port.out;

import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.WebhookDeliveryId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.notification.NotificationType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound webhook subscriptions, their deliveries and attempts; the signing secret is stored encrypted. */
public interface WebhookSubscriptionRepository {

    /** Stores a new subscription with its signing secret (encrypted by the adapter). */
    void insert(WebhookSubscription subscription, String secret);

    Optional<WebhookSubscription> find(WebhookSubscriptionId id);

    /** The subscription, its row locked until the transaction ends. */
    Optional<WebhookSubscription> findForUpdate(WebhookSubscriptionId id);

    /** The signing secret, decrypted. */
    String secretOf(WebhookSubscriptionId id);

    /** Newest first; {@code scope} decides whose subscriptions (by their partner or distributor). */
    List<WebhookSubscription> list(TenantScope scope, Instant cursorAt, WebhookSubscriptionId cursorId, int limit);

    void update(WebhookSubscription subscription);

    /** Replaces the signing secret (encrypted by the adapter). */
    void replaceSecret(WebhookSubscriptionId id, String secret, Instant at);

    void delete(WebhookSubscriptionId id);

    /** The active subscriptions naming this type (their tenant is checked by the caller). */
    List<WebhookSubscription> activeFor(NotificationType type);

    /** Inserts the delivery unless the subscription has one for this event; true when inserted. */
    boolean insertDeliveryOnce(
            WebhookDeliveryId id,
            WebhookSubscriptionId subscriptionId,
            UUID eventId,
            NotificationType type,
            String payloadJson,
            Instant at);

    Optional<WebhookDeliveryRecord> findDelivery(WebhookDeliveryId id);

    /** Newest first, each with its attempts. */
    List<WebhookDeliveryRecord> deliveries(
            WebhookSubscriptionId subscriptionId, Instant cursorAt, WebhookDeliveryId cursorId, int limit);

    /** Appends an attempt and sets the delivery's status, attempt count and last outcome. */
    void recordAttempt(
            WebhookDeliveryId deliveryId, WebhookDeliveryRecord.Attempt attempt, String status, Instant deliveredAt);

    /** Sets a delivery's status (skipped, failed) without an attempt. */
    void setDeliveryStatus(WebhookDeliveryId deliveryId, String status, String error);
}
