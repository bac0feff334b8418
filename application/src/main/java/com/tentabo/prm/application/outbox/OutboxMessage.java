package com.tentabo.prm.application.outbox;

import com.tentabo.prm.domain.id.OutboxEventId;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that must reach a provider after the business change commits: written to the outbox in the same
 * transaction, delivered later by a worker with retries. Topics: {@code billing.quote.requested},
 * {@code crm.deal.requested}, …; what each carries is an {@link OutboxPayload}. The aggregate is whatever the event
 * is about (an order, a lead, a notification, …): its id stays a plain UUID beside {@code aggregateType}.
 */
public record OutboxMessage(
        OutboxEventId id, String topic, String aggregateType, UUID aggregateId, OutboxPayload payload) {
    public static final String BILLING_QUOTE_REQUESTED = "billing.quote.requested";
    public static final String CRM_DEAL_REQUESTED = "crm.deal.requested";
    /** A lead that came from the CRM changed here (status won/lost/reopened, owner, value): written back to it. */
    public static final String CRM_LEAD_UPDATED = "crm.lead.updated";
    /** An order with a CRM deal was cancelled (deal lost) or fulfilled (deal won). */
    public static final String CRM_DEAL_STATUS = "crm.deal.status";

    /** A notification's mail. */
    public static final String NOTIFICATION_EMAIL = "notification.email";
    /** The digest mail of one person's reminders. */
    public static final String NOTIFICATION_DIGEST = "notification.digest";
    /** A call of a webhook subscription. */
    public static final String WEBHOOK_DELIVERY = "webhook.delivery";
    /** An invitation or password-reset mail: its one-time link, the token sealed in the payload until it is sent. */
    public static final String NOTIFICATION_LINK = "notification.link";

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }
}
