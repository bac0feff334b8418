package com.tentabo.prm.application.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One {@code outbox_events} row as an operator sees it: what had to reach a provider ({@code payloadJson}, the JSON
 * text the row holds), and how its delivery went. {@code deliveredAt} is also the time an event was SKIPPED.
 */
public record OutboxEventRecord(UUID id, String topic, String aggregateType, UUID aggregateId, String payloadJson,
                                String status, int attempts, Instant nextAttemptAt, String lastError,
                                Instant createdAt, Instant deliveredAt) {

    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";

    /** Only an event that ended without being delivered can be sent again. */
    public boolean requeueable() {
        return FAILED.equals(status) || SKIPPED.equals(status);
    }
}
