package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.id.WebhookDeliveryId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent (or being sent) to one subscription, with every attempt; {@code status} is {@code pending},
 * {@code delivered}, {@code failed} or {@code skipped}; {@code payloadJson} is the body as sent.
 */
public record WebhookDeliveryRecord(
        WebhookDeliveryId id,
        WebhookSubscriptionId subscriptionId,
        UUID eventId,
        String eventType,
        String payloadJson,
        String status,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        List<Attempt> attemptLog) {

    public WebhookDeliveryRecord {
        attemptLog = attemptLog == null ? List.of() : List.copyOf(attemptLog);
    }

    /** One HTTP call: the status the target answered (null when none), the error, how long it took. */
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, int durationMs) {}
}
