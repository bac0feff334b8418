package com.tentabo.prm.application.outbox.port.in;

import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.OutboxEventId;
import java.time.Instant;
import java.util.UUID;

/**
 * The operators' view of the outbox: what is waiting, delivered, failed or skipped (ADMIN and RESTRICTED_ADMIN), and
 * sending a FAILED or SKIPPED event again (ADMIN).
 */
public interface ManageOutboxUseCase {

    /** Filters, each optional; {@code since} inclusive, {@code until} exclusive, on {@code created_at}. */
    record OutboxEventFilter(
            String status,
            String topic,
            UUID aggregateId,
            Instant since,
            Instant until,
            String cursor,
            Integer limit) {}

    Page<OutboxEventRecord> events(Caller caller, OutboxEventFilter filter);

    OutboxEventRecord event(Caller caller, OutboxEventId id);

    /**
     * Puts a FAILED or SKIPPED event back to PENDING, due now, with its attempts counted from zero; any other status
     * is a 409 {@code OUTBOX_EVENT_NOT_REQUEUEABLE}. Audited.
     */
    OutboxEventRecord requeue(Caller caller, OutboxEventId id);
}
