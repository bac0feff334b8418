package com.tentabo.prm.application.shared.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A table of items a background worker handles at least once ({@code outbox_events}, {@code webhook_events}): an
 * item waits pending until it is due, is claimed with a lease, and ends done, given up (dead-lettered, kept for a
 * person) or pending again for a later attempt. Each adapter keeps its own table, columns and status strings; the
 * {@link com.tentabo.prm.application.shared.workqueue.WorkQueueWorker} runs the one loop over any of them.
 *
 * @param <I> what a claimed item carries to its handler
 */
public interface WorkQueueRepository<I> {

    /** An item claimed for handling; {@code attempt} counts this one (1 = the first). */
    record Claimed<I>(UUID id, I item, int attempt) {}

    /**
     * Claims up to {@code batch} pending items due at {@code now}, the longest due first, skipping items another
     * instance holds: each claimed item's attempts go up by one and its next attempt moves to {@code leaseUntil}, so
     * that no other instance takes it before then (nor claims it twice meanwhile).
     */
    List<Claimed<I>> claim(int batch, Instant now, Instant leaseUntil);

    /** Done at {@code at}. */
    void succeeded(UUID id, Instant at);

    /** Pending again, due at {@code nextAttemptAt}, with the error of the attempt that failed. */
    void failed(UUID id, String error, Instant nextAttemptAt);

    /** Given up at {@code at} with the reason: only a person requeues it. */
    void deadLettered(UUID id, String reason, Instant at);

    /** Pending again, due at {@code now}, attempts counted from zero; the last error is kept until the next attempt. */
    void requeue(UUID id, Instant now);
}
