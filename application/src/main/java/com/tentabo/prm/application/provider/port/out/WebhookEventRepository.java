package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.domain.provider.ProviderType;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Received webhooks ({@code webhook_events}). */
public interface WebhookEventRepository {

    /**
     * The id of the event already stored for this provider and event id, if any. Holds a transaction-long lock on
     * the pair first, so that two deliveries of one event racing each other store it once.
     */
    Optional<UUID> lockAndFind(String providerName, String eventId);

    /** Stores a received event, status {@code pending}. */
    void insert(UUID id, String providerName, ProviderType type, ParsedWebhook event, Map<String, String> headers,
                String ipAddress, Instant receivedAt);
}
