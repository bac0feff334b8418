package com.tentabo.prm.application.outbox.port.out;

import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository;
import com.tentabo.prm.domain.id.OutboxEventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox rows ({@code outbox_events}): claimed and settled by the delivery worker, read and requeued by operators.
 * As a {@link WorkQueueRepository}: {@code succeeded} is DELIVERED with its time, {@code failed} PENDING again,
 * {@code deadLettered} FAILED (the table keeps no time for it), {@code requeue} PENDING with attempts from zero; a
 * settled event's payload keeps no sealed secret.
 */
public interface OutboxRepository extends WorkQueueRepository<OutboxEventId, OutboxMessage> {

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

    /** Nothing to deliver (the order was cancelled first, or no provider of the kind is active): SKIPPED. */
    void markSkipped(OutboxEventId id, Instant at, String reason);

    /** Newest first (created_at, then id). */
    List<OutboxEventRecord> list(OutboxQuery query);

    Optional<OutboxEventRecord> find(OutboxEventId id);

    /** The event, its row locked until the transaction ends (a worker holding it makes this wait). */
    Optional<OutboxEventRecord> findForUpdate(OutboxEventId id);
}
