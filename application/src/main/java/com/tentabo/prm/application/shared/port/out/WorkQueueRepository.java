package com.tentabo.prm.application.shared.port.out;

import com.tentabo.prm.domain.id.EntityId;
import java.time.Instant;
import java.util.List;

/**
 * A table of items a background worker handles at least once ({@code outbox_events}, {@code webhook_events}): an
 * item waits pending until it is due, is claimed with a lease, and ends done, given up (dead-lettered, kept for a
 * person) or pending again for a later attempt. Each adapter keeps its own table, columns and status strings; the
 * {@link com.tentabo.prm.application.shared.workqueue.WorkQueueWorker} runs the one loop over any of them.
 *
 * @param <K> the typed id of the queue's items
 * @param <I> what a claimed item carries to its handler
 */
public interface WorkQueueRepository<K extends EntityId, I> {

    /** An item claimed for handling; {@code attempt} counts this one (1 = the first). */
    record Claimed<K extends EntityId, I>(K id, I item, int attempt) {}

    /**
     * Claims up to {@code batch} pending items due at {@code now}, the longest due first, skipping items another
     * instance holds: each claimed item's attempts go up by one and its next attempt moves to {@code leaseUntil}, so
     * that no other instance takes it before then (nor claims it twice meanwhile).
     */
    List<Claimed<K, I>> claim(int batch, Instant now, Instant leaseUntil);

    /** Done at {@code at}. */
    void succeeded(K id, Instant at);

    /** Pending again, due at {@code nextAttemptAt}, with the error of the attempt that failed. */
    void failed(K id, String error, Instant nextAttemptAt);

    /** Given up at {@code at} with the reason: only a person requeues it. */
    void deadLettered(K id, String reason, Instant at);

    /** Pending again, due at {@code now}, attempts counted from zero; the last error is kept until the next attempt. */
    void requeue(K id, Instant now);
}
