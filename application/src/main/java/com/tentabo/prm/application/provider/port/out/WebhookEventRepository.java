package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.domain.provider.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Received webhooks ({@code webhook_events}): stored by the intake, claimed and settled by the processing worker. */
public interface WebhookEventRepository {

    /** An event claimed for processing; {@code attempt} counts this one (1 = first). */
    record Claimed(UUID id, String providerName, String eventType, String payloadJson, int attempt) {}

    /**
     * The id of the event already stored for this provider and event id, if any. Holds a transaction-long lock on
     * the pair first, so that two deliveries of one event racing each other store it once.
     */
    Optional<UUID> lockAndFind(String providerName, String eventId);

    /** A received event to store: the id it gets if it is new, and what {@link #insert} takes. */
    record Incoming(
            UUID id,
            String providerName,
            ProviderType type,
            ParsedWebhook event,
            Map<String, String> headers,
            String ipAddress,
            Instant receivedAt) {}

    /** What became of an {@link Incoming}: the id of the event's row, and whether it was there before. */
    record Stored(UUID id, boolean duplicate) {}

    /**
     * Stores each event not stored yet for its (provider, event id), status {@code pending}, in the caller's
     * transaction; answers, in the order given, the row of each: its own id when it was stored now, the existing row's
     * ({@code duplicate}) when the pair was stored before — by an earlier delivery, a concurrent transaction (waited
     * for) or an earlier entry of the same list.
     */
    List<Stored> storeOnce(List<Incoming> events);

    /** Stores a received event, status {@code pending} (nothing when its (provider, event id) is stored already). */
    void insert(
            UUID id,
            String providerName,
            ProviderType type,
            ParsedWebhook event,
            Map<String, String> headers,
            String ipAddress,
            Instant receivedAt);

    /**
     * Claims up to {@code limit} {@code pending} events due at {@code now}, oldest received first, skipping rows
     * another instance holds; each claimed event's attempts go up by one and its next attempt moves to
     * {@code leaseUntil}.
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Done: {@code processed}, or {@code ignored} when it is about nothing the PRM follows. */
    void settle(UUID id, WebhookEventStatus status, Instant at);

    /** As {@link #settle}, with why it ended so kept in {@code error_message} (an {@code ignored} echo, …). */
    void settleWithReason(UUID id, WebhookEventStatus status, String reason, Instant at);

    void retryLater(UUID id, Instant next, String error);

    void markFailed(UUID id, String error, Instant at);

    /** The event's status, its row locked until the transaction ends; empty when there is no such event. */
    Optional<String> lockStatus(UUID id);

    /** {@code pending} again, due now, attempts from zero; the last error is kept until the next attempt. */
    void requeue(UUID id, Instant now);
}
