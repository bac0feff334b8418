package com.tentabo.prm.application.shared.workqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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
            int attempt, UUID itemId, boolean retryable, Optional<Duration> retryAfter, Instant now);
}
