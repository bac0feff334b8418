package com.tentabo.prm.application.notification.port.in;

import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import java.util.List;

/**
 * Outbound webhook subscriptions: ADMIN for every event; PARTNER and DISTRIBUTOR users for their own company's events.
 * Another company's subscription is "not found".
 */
public interface ManageWebhookSubscriptionsUseCase {

    /** {@code events}: wire names of notification types. */
    record CreateSubscription(String url, List<String> events, String description) {}

    /** Fields left null stay as they are; {@code active} true enables a subscription again after it was disabled. */
    record UpdateSubscription(String url, List<String> events, String description, Boolean active) {}

    /** A new subscription with its signing secret (null when answering a replayed create: it is shown only once). */
    record WithSecret(WebhookSubscription subscription, String secret) {}

    Created<WithSecret> create(Caller caller, CreateSubscription command, IdempotencyKey key);

    Page<WebhookSubscription> list(Caller caller, String cursor, Integer limit);

    WebhookSubscription get(Caller caller, WebhookSubscriptionId id);

    WebhookSubscription update(
            Caller caller, WebhookSubscriptionId id, UpdateSubscription command, ExpectedVersion expected);

    void delete(Caller caller, WebhookSubscriptionId id);

    /** A new signing secret, shown once; the old one stops signing at once. */
    WithSecret rotateSecret(Caller caller, WebhookSubscriptionId id);

    /** The subscription's deliveries, newest first, each with its attempts. */
    Page<WebhookDeliveryRecord> deliveries(Caller caller, WebhookSubscriptionId id, String cursor, Integer limit);
}
