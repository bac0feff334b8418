package com.tentabo.prm.application.notification.service;

import com.tentabo.prm.application.identity.service.Invitations;
import com.tentabo.prm.application.notification.Audience;
import com.tentabo.prm.application.notification.EmailStatus;
import com.tentabo.prm.application.notification.NotificationEvent;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.NotificationSettings;
import com.tentabo.prm.application.notification.Recipient;
import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.application.notification.port.out.LinkTokenGateway;
import com.tentabo.prm.application.notification.port.out.MailGateway.MailRequest;
import com.tentabo.prm.application.notification.port.out.NotificationRecipientDirectory;
import com.tentabo.prm.application.notification.port.out.NotificationRepository;
import com.tentabo.prm.application.notification.port.out.WebhookSubscriptionRepository;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.id.WebhookDeliveryId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.notification.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The database work of delivering notifications: what to send, and the record of what became of it. Each method runs
 * in the caller's transaction; {@link NotificationDelivery} opens one for each (through the {@code Transactions}
 * port), so that none stays open while a mail server or a webhook target is called.
 */
@ApplicationScoped
public class NotificationDeliveryRecords {

    /** A mail to send, or why not. */
    public record EmailJob(MailRequest request, String skipReason) {}

    /** A webhook call to make, or why not. */
    public record WebhookJob(
            WebhookDeliveryId deliveryId,
            URI url,
            String secret,
            UUID eventId,
            String eventType,
            String body,
            int attempt,
            Instant createdAt,
            WebhookSubscription subscription,
            String skipReason) {}

    private final NotificationRepository notifications;
    private final NotificationRecipientDirectory people;
    private final WebhookSubscriptionRepository subscriptions;
    private final OutboxRepository outbox;
    private final Notifier notifier;
    private final NotificationSettings settings;
    private final LinkTokenGateway linkTokens;
    private final Invitations invitations;
    private final Clock clock;

    public NotificationDeliveryRecords(
            NotificationRepository notifications,
            NotificationRecipientDirectory people,
            WebhookSubscriptionRepository subscriptions,
            OutboxRepository outbox,
            Notifier notifier,
            NotificationSettings settings,
            LinkTokenGateway linkTokens,
            Invitations invitations,
            Clock clock) {
        this.linkTokens = linkTokens;
        this.invitations = invitations;
        this.clock = clock;
        this.notifications = notifications;
        this.people = people;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.notifier = notifier;
        this.settings = settings;
    }

    /** The mail of a notification, unless it is gone, was sent already, or its recipient is disabled or gone. */
    public EmailJob emailJob(NotificationId notificationId) {
        return emailJobs(List.of(notificationId)).get(notificationId);
    }

    /**
     * The mails of a batch of notifications (by notification id), read in three statements whatever the batch's
     * size: the notifications, then their recipients of each kind.
     */
    public Map<NotificationId, EmailJob> emailJobs(Collection<NotificationId> notificationIds) {
        Map<NotificationId, NotificationRecord> rows = new HashMap<>();
        notifications.findAll(notificationIds).forEach(row -> rows.put(row.id(), row));
        Map<String, Recipient> recipients = new HashMap<>();
        for (PrincipalKind kind : PrincipalKind.values()) {
            List<UUID> ids = rows.values().stream()
                    .filter(row -> row.recipientKind() == kind)
                    .map(NotificationRecord::recipientId)
                    .distinct()
                    .toList();
            people.findAll(kind, ids).forEach(person -> recipients.put(kind + ":" + person.id(), person));
        }
        Map<NotificationId, EmailJob> jobs = new HashMap<>();
        for (NotificationId id : notificationIds) {
            NotificationRecord row = rows.get(id);
            jobs.put(
                    id,
                    row == null
                            ? new EmailJob(null, "the notification no longer exists")
                            : emailJob(
                                    row,
                                    Optional.ofNullable(
                                            recipients.get(row.recipientKind() + ":" + row.recipientId()))));
        }
        return jobs;
    }

    private EmailJob emailJob(NotificationRecord n, Optional<Recipient> recipient) {
        if (n.emailStatus() != EmailStatus.QUEUED) {
            return new EmailJob(
                    null, "the notification's e-mail is " + n.emailStatus().wire());
        }
        if (recipient.isEmpty() || !recipient.get().enabled()) {
            notifications.setEmailStatus(
                    n.id(),
                    EmailStatus.SKIPPED,
                    recipient.isEmpty() ? "the recipient no longer exists" : "the recipient is disabled",
                    null);
            return new EmailJob(null, "the recipient is disabled or gone: never mailed");
        }
        Recipient person = recipient.get();
        return new EmailJob(
                new MailRequest(
                        person.email(),
                        settings.localeOf(person),
                        n.eventType(),
                        n.params(),
                        settings.linkTo(n.link()),
                        List.of()),
                null);
    }

    public void emailed(OutboxEventId outboxEventId, NotificationId notificationId, Instant at) {
        notifications.setEmailStatus(notificationId, EmailStatus.SENT, null, at);
        outbox.succeeded(outboxEventId, at);
    }

    /**
     * The mail of a one-time link, unless its token cannot be opened (sealed before a restart without a configured
     * key, or already removed), the link is no longer usable (used, replaced by a newer one, expired) or the account
     * is disabled or gone. The link goes to the console's invitation page, {@code /ui/invitations/<token>}.
     */
    public EmailJob linkJob(OutboxMessage message) {
        if (!(message.payload() instanceof OutboxPayload.AccountLink link)) {
            return new EmailJob(null, "the event does not hold a link to mail");
        }
        Optional<String> token = linkTokens.open(message.id(), Objects.requireNonNullElse(link.sealedToken(), ""));
        if (token.isEmpty()) {
            return new EmailJob(
                    null,
                    "the link's token is no longer held (the service restarted without "
                            + "PRM_PROVIDER_CREDENTIALS_KEY, or the mail was settled already): issue a new link");
        }
        if (!invitations.usable(token.get(), clock.instant())) {
            return new EmailJob(null, "the link was used, replaced by a newer one or expired before it was mailed");
        }
        Optional<Recipient> recipient = people.find(link.recipientKind(), message.aggregateId());
        if (recipient.isEmpty() || !recipient.get().enabled() || !hasAddress(recipient.get())) {
            return new EmailJob(null, "the account is disabled, gone or has no address: never mailed");
        }
        Recipient person = recipient.get();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("name", String.valueOf(person.name()));
        params.put("username", String.valueOf(link.username()));
        params.put(
                "expires_at",
                String.valueOf(link.expiresAt()).replace('T', ' ').replaceFirst("(:\\d\\d)(\\.\\d+)?Z$", "$1 UTC"));
        String template = "reset".equals(link.purpose()) ? "account.password_reset" : "account.invitation";
        return new EmailJob(
                new MailRequest(
                        person.email(),
                        settings.localeOf(person),
                        template,
                        params,
                        settings.linkTo("/ui/invitations/" + token.get()),
                        List.of()),
                null);
    }

    private static boolean hasAddress(Recipient person) {
        return person.email() != null && person.email().contains("@");
    }

    /** The link mail left: its outbox row delivered (which removes the sealed token). */
    public void linkSent(OutboxEventId outboxEventId, Instant at) {
        outbox.succeeded(outboxEventId, at);
    }

    /** The digest mail of the reminders a digest was queued with (empty when the person is disabled or gone). */
    public EmailJob digestJob(PrincipalKind kind, UUID recipientId, List<NotificationId> notificationIds, Instant now) {
        List<NotificationRecord> rows = notificationIds.stream()
                .map(notifications::find)
                .flatMap(Optional::stream)
                .filter(row -> row.emailStatus() == EmailStatus.QUEUED)
                .toList();
        if (rows.isEmpty()) {
            return new EmailJob(null, "the reminders of this digest were sent already");
        }
        Optional<Recipient> recipient = people.find(kind, recipientId);
        if (recipient.isEmpty() || !recipient.get().enabled()) {
            rows.forEach(
                    r -> notifications.setEmailStatus(r.id(), EmailStatus.SKIPPED, "the recipient is disabled", null));
            return new EmailJob(null, "the recipient is disabled or gone: never mailed");
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (NotificationRecord r : rows) {
            Map<String, String> item = new LinkedHashMap<>(r.params());
            item.put("notification_id", r.id().toString());
            item.put("type", r.eventType());
            item.put("link", settings.linkTo(r.link()));
            items.add(item);
        }
        Recipient person = recipient.get();
        return new EmailJob(
                new MailRequest(
                        person.email(),
                        settings.localeOf(person),
                        "digest",
                        Map.of(
                                "count",
                                Integer.toString(rows.size()),
                                "date",
                                now.toString().substring(0, 10)),
                        settings.linkTo("/ui/notifications"),
                        items),
                null);
    }

    public void digestSent(OutboxEventId outboxEventId, List<Map<String, String>> items, Instant at) {
        for (Map<String, String> item : items) {
            notifications.setEmailStatus(
                    new NotificationId(UUID.fromString(item.get("notification_id"))), EmailStatus.SENT, null, at);
        }
        outbox.succeeded(outboxEventId, at);
    }

    /** The call of a webhook delivery, unless the delivery is settled or its subscription inactive or gone. */
    public WebhookJob webhookJob(WebhookDeliveryId deliveryId) {
        Optional<WebhookDeliveryRecord> delivery = subscriptions.findDelivery(deliveryId);
        if (delivery.isEmpty()) {
            return skip("the delivery no longer exists (its subscription was deleted)");
        }
        WebhookDeliveryRecord d = delivery.get();
        if (!"pending".equals(d.status())) {
            return skip("the delivery is " + d.status());
        }
        Optional<WebhookSubscription> subscription = subscriptions.find(d.subscriptionId());
        if (subscription.isEmpty() || !subscription.get().active()) {
            subscriptions.setDeliveryStatus(deliveryId, "skipped", "the subscription is disabled");
            return skip("the subscription is disabled");
        }
        return new WebhookJob(
                deliveryId,
                URI.create(subscription.get().url()),
                subscriptions.secretOf(d.subscriptionId()),
                d.eventId(),
                d.eventType(),
                d.payloadJson(),
                d.attempts() + 1,
                d.createdAt(),
                subscription.get(),
                null);
    }

    private static WebhookJob skip(String reason) {
        return new WebhookJob(null, null, null, null, null, null, 0, null, null, reason);
    }

    /** A successful call: the attempt logged, the delivery and its outbox event delivered. */
    public void webhookDelivered(
            OutboxEventId outboxEventId,
            WebhookDeliveryId deliveryId,
            WebhookDeliveryRecord.Attempt attempt,
            Instant at) {
        subscriptions.recordAttempt(deliveryId, attempt, "delivered", at);
        outbox.succeeded(outboxEventId, at);
    }

    /** A failed call to be tried again at {@code next}. */
    public void webhookRetry(
            OutboxEventId outboxEventId,
            WebhookDeliveryId deliveryId,
            WebhookDeliveryRecord.Attempt attempt,
            Instant next) {
        subscriptions.recordAttempt(deliveryId, attempt, "pending", null);
        outbox.failed(outboxEventId, attempt.error(), next);
    }

    /**
     * A delivery given up (its retry window is over, or the target is refused): the delivery and its outbox event
     * FAILED, the subscription disabled, and its owner told.
     */
    public void webhookGaveUp(
            OutboxEventId outboxEventId,
            WebhookDeliveryId deliveryId,
            WebhookDeliveryRecord.Attempt attempt,
            WebhookSubscriptionId subscriptionId,
            String reason,
            Instant now) {
        if (attempt != null) {
            subscriptions.recordAttempt(deliveryId, attempt, "failed", null);
        } else {
            subscriptions.setDeliveryStatus(deliveryId, "failed", reason);
        }
        outbox.deadLettered(outboxEventId, reason, now);
        subscriptions
                .findForUpdate(subscriptionId)
                .filter(WebhookSubscription::active)
                .ifPresent(s -> {
                    subscriptions.update(s.disabled(reason, now));
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("subscription_id", s.id().toString());
                    params.put("url", s.url());
                    params.put("reason", shortened(reason));
                    notifier.notify(new NotificationEvent(
                            NotificationType.WEBHOOK_SUBSCRIPTION_DISABLED,
                            "webhook_subscription.disabled:" + s.id() + ":" + now,
                            "webhook_subscription",
                            s.id().value(),
                            s.tenant(),
                            params,
                            "/ui/webhook-subscriptions/" + s.id(),
                            List.of(s.owner())));
                });
    }

    /** An error or reason as a notification shows it: its first 300 characters. */
    private static String shortened(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * The outbox gave an event up: a notification's mail is marked failed (and nobody is mailed about it: that could
     * loop); any other event is reported to the admins.
     */
    public void outboxGaveUp(OutboxMessage message, String error) {
        switch (message.topic()) {
            case Notifier.EMAIL_TOPIC ->
                notifications.setEmailStatus(
                        new NotificationId(message.aggregateId()), EmailStatus.FAILED, error, null);
            case Notifier.DIGEST_TOPIC -> {}
            default -> {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("outbox_event_id", message.id().toString());
                params.put("topic", message.topic());
                params.put("aggregate_type", message.aggregateType());
                params.put("aggregate_id", message.aggregateId().toString());
                params.put("error", shortened(error));
                notifier.notify(new NotificationEvent(
                        NotificationType.OUTBOX_EVENT_FAILED,
                        "outbox_event.failed:" + message.id(),
                        "outbox_event",
                        message.id().value(),
                        null,
                        params,
                        "/ui/outbox-events/" + message.id(),
                        List.of(Audience.ADMINS)));
            }
        }
    }
}
