package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository.Claimed;
import com.tentabo.prm.domain.id.OutboxEventId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox in memory: {@link OutboxPublisher} writes PENDING rows due now, {@link OutboxRepository} claims and
 * settles them with the statuses of {@code outbox_events}. The published messages stay readable ({@link #messages}).
 */
public class InMemoryOutbox implements OutboxPublisher, OutboxRepository {

    private final Clock clock;
    private final Map<OutboxEventId, OutboxEventRecord> rows = new ConcurrentHashMap<>();
    private final Map<OutboxEventId, OutboxMessage> messages = new ConcurrentHashMap<>();

    public InMemoryOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void publish(OutboxMessage m) {
        Instant now = clock.instant();
        messages.put(m.id(), m);
        rows.put(
                m.id(),
                new OutboxEventRecord(
                        m.id(),
                        m.topic(),
                        m.aggregateType(),
                        m.aggregateId(),
                        Json.of(m.payload()),
                        OutboxStatus.PENDING,
                        0,
                        now,
                        null,
                        now,
                        null));
    }

    /** The messages published, oldest first. */
    public List<OutboxMessage> messages() {
        return rows.values().stream()
                .sorted(Comparator.comparing(OutboxEventRecord::createdAt)
                        .thenComparing(r -> r.id().value(), Keys.UUID_ORDER))
                .map(r -> messages.get(r.id()))
                .toList();
    }

    @Override
    public synchronized List<Claimed<OutboxEventId, OutboxMessage>> claim(int batch, Instant now, Instant leaseUntil) {
        List<OutboxEventRecord> due = rows.values().stream()
                .filter(r ->
                        r.status() == OutboxStatus.PENDING && !r.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(OutboxEventRecord::nextAttemptAt)
                        .thenComparing(r -> r.id().value(), Keys.UUID_ORDER))
                .limit(batch)
                .toList();
        List<Claimed<OutboxEventId, OutboxMessage>> claimed = new ArrayList<>();
        for (OutboxEventRecord r : due) {
            put(r, r.status(), r.attempts() + 1, leaseUntil, r.lastError(), r.deliveredAt());
            claimed.add(new Claimed<>(r.id(), messages.get(r.id()), r.attempts() + 1));
        }
        return claimed;
    }

    @Override
    public void succeeded(OutboxEventId id, Instant at) {
        change(id, r -> put(r, OutboxStatus.DELIVERED, r.attempts(), r.nextAttemptAt(), null, at));
    }

    @Override
    public void failed(OutboxEventId id, String error, Instant nextAttemptAt) {
        change(id, r -> put(r, OutboxStatus.PENDING, r.attempts(), nextAttemptAt, error, r.deliveredAt()));
    }

    @Override
    public void deadLettered(OutboxEventId id, String reason, Instant at) {
        change(id, r -> put(r, OutboxStatus.FAILED, r.attempts(), r.nextAttemptAt(), reason, r.deliveredAt()));
    }

    @Override
    public void markSkipped(OutboxEventId id, Instant at, String reason) {
        change(id, r -> put(r, OutboxStatus.SKIPPED, r.attempts(), r.nextAttemptAt(), reason, at));
    }

    @Override
    public List<OutboxEventRecord> list(OutboxQuery q) {
        return rows.values().stream()
                .filter(r -> q.status() == null || q.status() == r.status())
                .filter(r -> q.topic() == null || q.topic().equals(r.topic()))
                .filter(r -> q.aggregateId() == null || q.aggregateId().equals(r.aggregateId()))
                .filter(r -> q.since() == null || !r.createdAt().isBefore(q.since()))
                .filter(r -> q.until() == null || r.createdAt().isBefore(q.until()))
                .filter(r -> q.cursorAt() == null
                        || q.cursorId() == null
                        || Keys.before(r.createdAt(), r.id().value(), q.cursorAt(), q.cursorId()))
                .sorted(Keys.newestFirst(OutboxEventRecord::createdAt, r -> r.id().value()))
                .limit(q.limit())
                .toList();
    }

    @Override
    public Optional<OutboxEventRecord> find(OutboxEventId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<OutboxEventRecord> findForUpdate(OutboxEventId id) {
        return find(id);
    }

    @Override
    public void requeue(OutboxEventId id, Instant now) {
        change(id, r -> put(r, OutboxStatus.PENDING, 0, now, r.lastError(), null));
    }

    private synchronized void change(OutboxEventId id, java.util.function.Consumer<OutboxEventRecord> update) {
        OutboxEventRecord r = rows.get(id);
        if (r != null) {
            update.accept(r);
        }
    }

    /** Moves the row; a move the status table does not allow is a bug of the caller. */
    private void put(
            OutboxEventRecord r, OutboxStatus status, int attempts, Instant next, String error, Instant deliveredAt) {
        if (!r.status().canMoveTo(status)) {
            throw new IllegalStateException("an outbox event cannot move from " + r.status() + " to " + status);
        }
        rows.put(
                r.id(),
                new OutboxEventRecord(
                        r.id(),
                        r.topic(),
                        r.aggregateType(),
                        r.aggregateId(),
                        r.payloadJson(),
                        status,
                        attempts,
                        next,
                        error,
                        r.createdAt(),
                        deliveredAt));
    }
}
