package com.tentabo.prm.application.outbox;

import com.tentabo.prm.domain.id.OutboxEventId;
import java.time.Instant;
import java.util.UUID;

/**
 * One {@code outbox_events} row as an operator sees it: what had to reach a provider ({@code payloadJson}, the JSON
 * text the row holds), and how its delivery went. {@code deliveredAt} is also the time an event was SKIPPED.
 */
public record OutboxEventRecord(
        OutboxEventId id,
        String topic,
        String aggregateType,
        UUID aggregateId,
        String payloadJson,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    /** Only an event that ended without being delivered can be sent again ({@link OutboxStatus#requeueable()}). */
    public boolean requeueable() {
        return status.requeueable();
    }
}
