package com.tentabo.prm.application.outbox;

import com.tentabo.prm.application.shared.workqueue.Failure;
import com.tentabo.prm.application.shared.workqueue.QueuePolicy;
import com.tentabo.prm.domain.id.EntityId;
import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox is delivered ({@code prm.outbox.*}, produced by the bootstrap module).
 *
 * @param batchSize   events claimed per run
 * @param lease       how long a claimed event is reserved for the instance that claimed it; if that instance dies,
 *                    another one takes the event after the lease. Longer than the slowest delivery (a few HTTP calls
 *                    with their timeouts)
 * @param firstRetry  wait before the second attempt; it doubles at each failed attempt
 * @param maxRetry    the longest wait between two attempts
 * @param maxAttempts attempts before an event is given up as FAILED
 */
public record OutboxSettings(int batchSize, Duration lease, Duration firstRetry, Duration maxRetry, int maxAttempts)
        implements QueuePolicy {

    public OutboxSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("prm.outbox.batch-size must be between 1 and 1000, was " + batchSize);
        }
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("prm.outbox.lease must be at least PT30S, was " + lease);
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException(
                    "prm.outbox.first-retry must be positive and at most prm.outbox.max-retry, was " + firstRetry
                            + " and " + maxRetry);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("prm.outbox.max-attempts must be between 1 and 100, was " + maxAttempts);
        }
    }

    /**
     * When to try again after failed attempt number {@code attempt}: the {@link #retryDelay} or the provider's
     * {@code retryAfter}, whichever is longer; empty to give up, when the failure is not retryable or that was the last
     * attempt.
     */
    @Override
    public java.util.Optional<java.time.Instant> nextAttempt(
            int attempt,
            EntityId eventId,
            boolean retryable,
            java.util.Optional<Duration> retryAfter,
            java.time.Instant now) {
        if (!retryable || attempt >= maxAttempts) {
            return java.util.Optional.empty();
        }
        Duration wait = retryDelay(attempt, eventId);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        return java.util.Optional.of(now.plus(wait));
    }

    /** An error as kept with an event: at most 1000 characters. */
    public static String errorText(String error) {
        return Failure.text(error);
    }

    /**
     * The wait after failed attempt number {@code attempt} (1 = the first): {@code firstRetry × 2^(attempt−1)}, at most
     * {@code maxRetry}, stretched by up to 10 % by a spread taken from the event id, so that events failed together are
     * not all retried in the same second.
     */
    public Duration retryDelay(int attempt, EntityId eventId) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(1L << Math.min(doublings, 20));
        if (delay.compareTo(maxRetry) > 0 || doublings > 20) {
            delay = maxRetry;
        }
        long spreadPercent = Math.floorMod(eventId.value().hashCode(), 11);
        return delay.plus(delay.multipliedBy(spreadPercent).dividedBy(100));
    }
}
