package com.tentabo.prm.application.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that must reach a provider after the business change commits: written to the outbox in the same
 * transaction, delivered later by a worker with retries. Topics: {@code billing.quote.requested},
 * {@code crm.deal.requested}, …
 */
public record OutboxMessage(
        UUID id, String topic, String aggregateType, UUID aggregateId, Map<String, Object> payload) {
    public static final String BILLING_QUOTE_REQUESTED = "billing.quote.requested";
    public static final String CRM_DEAL_REQUESTED = "crm.deal.requested";
    /** A lead that came from the CRM changed here (status won/lost/reopened, owner, value): written back to it. */
    public static final String CRM_LEAD_UPDATED = "crm.lead.updated";
    /** An order with a CRM deal was cancelled (deal lost) or fulfilled (deal won). */
    public static final String CRM_DEAL_STATUS = "crm.deal.status";
    /**
     * A payload field that holds a sealed secret (a link's one-time token) only while the event waits: the outbox
     * removes it when the event is delivered, skipped or failed.
     */
    public static final String SEALED_TOKEN = "token_sealed";

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload)); // JSON nulls allowed
    }
}
