package com.tentabo.prm.application.shared.workqueue;

import com.tentabo.prm.domain.id.EntityId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How a {@link WorkQueueWorker} claims and backs off (the outbox's settings serve both queues). */
public interface QueuePolicy {

    /** Items claimed per run. */
    int batchSize();

    /** How long a claimed item is reserved for the instance that claimed it. */
    Duration lease();

    /**
     * When to try again after failed attempt number {@code attempt}; empty to give up (the failure is not retryable or
     * that was the last attempt).
     */
    Optional<Instant> nextAttempt(
            int attempt, EntityId itemId, boolean retryable, Optional<Duration> retryAfter, Instant now);
}
