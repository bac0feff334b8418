package com.tentabo.prm.application.outbox.port.out;

import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox rows ({@code outbox_events}): claimed and settled by the delivery worker, read and requeued by operators. */
public interface OutboxRepository {

    /** List filters, null meaning "any"; the cursor is the (created_at, id) of the last row of the previous page. */
    record OutboxQuery(
            OutboxStatus status,
            String topic,
            UUID aggregateId,
            Instant since,
            Instant until,
            Instant cursorAt,
            UUID cursorId,
            int limit) {}

    /** An event claimed for delivery; {@code attempt} counts this one (1 = first). */
    record Claimed(OutboxMessage message, int attempt) {}

    /**
     * Claims up to {@code limit} PENDING events due at {@code now}, oldest due first, skipping rows another
     * instance holds: each claimed event's attempt count goes up by one and its next attempt moves to
     * {@code leaseUntil}, so no other instance takes it before then.
     */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit);

    void markDelivered(UUID id, Instant at);

    /** Back to PENDING, due at {@code next}, with the error of the failed attempt. */
    void retryLater(UUID id, Instant next, String error);

    /** Given up: FAILED with the error. Only a person requeues it. */
    void markFailed(UUID id, String error);

    /** Nothing to deliver (the order was cancelled first, or no provider of the kind is active): SKIPPED. */
    void markSkipped(UUID id, Instant at, String reason);

    /** Newest first (created_at, then id). */
    List<OutboxEventRecord> list(OutboxQuery query);

    Optional<OutboxEventRecord> find(UUID id);

    /** The event, its row locked until the transaction ends (a worker holding it makes this wait). */
    Optional<OutboxEventRecord> findForUpdate(UUID id);

    /** PENDING again, due at {@code now}, attempts from zero; the last error is kept until the next attempt. */
    void requeue(UUID id, Instant now);
}
