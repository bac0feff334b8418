package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Instant;
import java.util.Optional;

/**
 * The received webhooks ({@code webhook_events}) as the processing worker's queue; the intake stores them
 * ({@link WebhookEventRepository}). An event is due at its next attempt, or when received if it has none yet. As a
 * {@link WorkQueueRepository}: {@code succeeded} is {@code processed}, {@code failed} {@code pending} again with the
 * error, {@code deadLettered} {@code failed} with the reason, each with its time in {@code processed_at};
 * {@code requeue} {@code pending} with attempts from zero.
 */
public interface WebhookQueueRepository extends WorkQueueRepository<WebhookEventId, WebhookQueueRepository.Received> {

    /** What a claimed event carries to the worker. */
    record Received(String providerName, String eventType, String payloadJson) {}

    /**
     * Ended at {@code at} with {@code status} ({@code ignored}: about nothing the PRM follows), and why in
     * {@code error_message} ({@code null}: none).
     */
    void settle(WebhookEventId id, WebhookEventStatus status, String reason, Instant at);

    /** The event's status as stored, its row locked until the transaction ends; empty when there is no such event. */
    Optional<String> lockStatus(WebhookEventId id);
}
