package com.tentabo.prm.application.notification.service;

import com.tentabo.prm.application.notification.Audience;
import com.tentabo.prm.application.notification.EmailStatus;
import com.tentabo.prm.application.notification.NotificationEvent;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.Recipient;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.application.notification.port.out.LinkTokenGateway;
import com.tentabo.prm.application.notification.port.out.NotificationRecipientDirectory;
import com.tentabo.prm.application.notification.port.out.NotificationRepository;
import com.tentabo.prm.application.notification.port.out.WebhookSubscriptionRepository;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.id.WebhookDeliveryId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Tells people and integrators that something happened, in the transaction of the change (so nothing is told of a
 * change that rolls back): one inbox row per enabled recipient, deduplicated by the event's key, with its e-mail queued
 * in the outbox (or left for the daily digest, or not mailed at all as the person chose); one webhook delivery per
 * matching active subscription, queued in the outbox too. The outbox worker sends both after commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Notifier {

    public static final String EMAIL_TOPIC = OutboxMessage.NOTIFICATION_EMAIL;
    public static final String DIGEST_TOPIC = OutboxMessage.NOTIFICATION_DIGEST;
    public static final String WEBHOOK_TOPIC = OutboxMessage.WEBHOOK_DELIVERY;
    /** An invitation or password-reset mail: its one-time link, the token sealed in the payload until it is sent. */
    public static final String LINK_TOPIC = OutboxMessage.NOTIFICATION_LINK;

    private final NotificationRepository notifications;
    private final NotificationRecipientDirectory people;
    private final WebhookSubscriptionRepository subscriptions;
    private final OutboxPublisher outbox;
    private final LinkTokenGateway linkTokens;
    private final IdGenerator ids;
    private final Clock clock;

    public Notifier(
            NotificationRepository notifications,
            NotificationRecipientDirectory people,
            WebhookSubscriptionRepository subscriptions,
            OutboxPublisher outbox,
            LinkTokenGateway linkTokens,
            IdGenerator ids,
            Clock clock) {
        this.linkTokens = linkTokens;
        this.notifications = notifications;
        this.people = people;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** What one event did: inbox rows written (new ones only), mails queued, webhook deliveries queued. */
    public record Told(int notified, int mailed, int webhooks) {}

    public Told notify(NotificationEvent event) {
        Instant now = clock.instant();
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (Audience audience : event.audiences()) {
            for (Recipient recipient : people.recipients(audience)) {
                recipients.putIfAbsent(recipient.kind() + ":" + recipient.id(), recipient);
            }
        }
        int notified = 0;
        int mailed = 0;
        for (Recipient recipient : recipients.values()) {
            if (!recipient.enabled()) {
                continue;
            }
            EmailStatus email = recipient.mailsAtOnce(event.type())
                    ? EmailStatus.QUEUED
                    : recipient.mailsInDigest(event.type()) ? EmailStatus.DIGEST : EmailStatus.NONE;
            NotificationId id = new NotificationId(ids.newId());
            boolean inserted = notifications.insertOnce(new NotificationRecord(
                    id,
                    recipient.kind(),
                    recipient.id(),
                    event.type().wireName(),
                    event.key(),
                    event.subjectType(),
                    event.subjectId(),
                    event.params(),
                    event.link(),
                    email,
                    now,
                    null,
                    null));
            if (inserted) {
                notified++;
                if (email == EmailStatus.QUEUED) {
                    outbox.publish(new OutboxMessage(
                            new OutboxEventId(ids.newId()),
                            EMAIL_TOPIC,
                            "notification",
                            id.value(),
                            new OutboxPayload.NotificationEmail(event.type().wireName())));
                    mailed++;
                }
            }
        }
        return new Told(notified, mailed, queueWebhooks(event, now));
    }

    /**
     * Queues the mail of a one-time link ({@code invitation} or {@code reset}) to the account's owner, sent after
     * commit by the outbox worker to the address and in the language the account has then. The token is sealed in the
     * payload ({@link LinkTokenGateway}), never stored in clear, and removed from the row once it is settled; it is in
     * no inbox (the person cannot sign in yet) and no webhook.
     */
    public void queueLinkMail(
            PrincipalKind kind, UUID principalId, String purpose, String username, String token, Instant expiresAt) {
        OutboxEventId eventId = new OutboxEventId(ids.newId());
        OutboxPayload payload =
                new OutboxPayload.AccountLink(purpose, kind, username, expiresAt, linkTokens.seal(eventId, token));
        outbox.publish(new OutboxMessage(
                eventId, LINK_TOPIC, kind == PrincipalKind.ADMIN_USER ? "admin_user" : "user", principalId, payload));
    }

    private int queueWebhooks(NotificationEvent event, Instant now) {
        int queued = 0;
        String payload = null;
        for (WebhookSubscription subscription : subscriptions.activeFor(event.type())) {
            if (!subscription.receives(event.type(), event.tenant())) {
                continue;
            }
            if (payload == null) {
                payload = WebhookPayloads.of(event, now);
            }
            WebhookDeliveryId deliveryId = new WebhookDeliveryId(ids.newId());
            if (subscriptions.insertDeliveryOnce(
                    deliveryId, subscription.id(), event.eventId(), event.type(), payload, now)) {
                outbox.publish(new OutboxMessage(
                        new OutboxEventId(ids.newId()),
                        WEBHOOK_TOPIC,
                        "webhook_delivery",
                        deliveryId.value(),
                        new OutboxPayload.WebhookDelivery(
                                subscription.id(), event.type().wireName())));
                queued++;
            }
        }
        return queued;
    }
}
