package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.provider.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Received webhooks ({@code webhook_events}): stored by the intake; the processing worker claims and settles them
 * through {@link WebhookQueueRepository}.
 */
public interface WebhookEventRepository {

    /**
     * The id of the event already stored for this provider and event id, if any. Holds a transaction-long lock on
     * the pair first, so that two deliveries of one event racing each other store it once.
     */
    Optional<WebhookEventId> lockAndFind(String providerName, String eventId);

    /** A received event to store: the id it gets if it is new, and what {@link #insert} takes. */
    record Incoming(
            WebhookEventId id,
            String providerName,
            ProviderType type,
            ParsedWebhook event,
            Map<String, String> headers,
            String ipAddress,
            Instant receivedAt) {}

    /** What became of an {@link Incoming}: the id of the event's row, and whether it was there before. */
    record Stored(WebhookEventId id, boolean duplicate) {}

    /**
     * Stores each event not stored yet for its (provider, event id), status {@code pending}, in the caller's
     * transaction; answers, in the order given, the row of each: its own id when it was stored now, the existing row's
     * ({@code duplicate}) when the pair was stored before — by an earlier delivery, a concurrent transaction (waited
     * for) or an earlier entry of the same list.
     */
    List<Stored> storeOnce(List<Incoming> events);

    /** Stores a received event, status {@code pending} (nothing when its (provider, event id) is stored already). */
    void insert(
            WebhookEventId id,
            String providerName,
            ProviderType type,
            ParsedWebhook event,
            Map<String, String> headers,
            String ipAddress,
            Instant receivedAt);

    /**
     * Ended with {@code status} ({@code processed}, {@code ignored}) by the transaction that records what the event
     * changed ({@link WebhookQueueRepository#settle} with no reason).
     */
    void settle(WebhookEventId id, WebhookEventStatus status, Instant at);
}
