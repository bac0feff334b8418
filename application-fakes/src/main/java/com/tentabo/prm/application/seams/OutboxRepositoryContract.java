package com.tentabo.prm.application.seams;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository.OutboxQuery;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.order.OrderStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the outbox does, against the fake and against the JDBC adapter on PostgreSQL: the work queue's contract
 * ({@link WorkQueueRepositoryContract}) with the outbox's statuses, and what only the outbox has (payloads, SKIPPED,
 * the operators' list). Each test first moves its own event's next attempt to an instant of 1990 and claims at that
 * instant, so that it claims no other test's events.
 */
public abstract class OutboxRepositoryContract extends WorkQueueRepositoryContract<OutboxEventId, OutboxMessage> {

    protected abstract OutboxPublisher publisher();

    protected abstract OutboxRepository outbox();

    @Override
    protected WorkQueueRepository<OutboxEventId, OutboxMessage> queue() {
        return outbox();
    }

    @Override
    protected OutboxEventId enqueued(Instant at) {
        return published(at).id();
    }

    @Override
    protected Row row(OutboxEventId id) {
        OutboxEventRecord r = outbox().find(id).orElseThrow();
        State state = switch (r.status()) {
            case PENDING -> State.PENDING;
            case DELIVERED -> State.SUCCEEDED;
            case FAILED -> State.DEAD_LETTERED;
            case SKIPPED -> State.OTHER;
        };
        return new Row(state, r.attempts(), r.lastError());
    }

    OutboxMessage published(Instant at) {
        UUID aggregate = UUID.randomUUID();
        OutboxMessage message = new OutboxMessage(
                new OutboxEventId(UUID.randomUUID()),
                OutboxMessage.CRM_DEAL_STATUS,
                "order",
                aggregate,
                new OutboxPayload.CrmDealStatus(OrderStatus.CANCELLED, "ORD-1 was cancelled"));
        publisher().publish(message);
        // due at that instant only: publishing makes it due now
        outbox().failed(message.id(), null, at);
        return message;
    }

    @Test
    void aPublishedEventIsPendingAndClaimedWithItsPayload() {
        OutboxMessage message = published(due);
        OutboxEventRecord pending = outbox().find(message.id()).orElseThrow();
        assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(pending.attempts()).isZero();
        assertThat(pending.topic()).isEqualTo(OutboxMessage.CRM_DEAL_STATUS);
        assertThat(pending.payloadJson()).contains("CANCELLED").contains("ORD-1 was cancelled");

        var claimed = outbox().claim(10, due, due.plusSeconds(60));
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.item().id()).isEqualTo(message.id());
            assertThat(c.item().payload()).isEqualTo(message.payload());
        });
        assertThat(outbox().find(message.id()).orElseThrow().nextAttemptAt()).isEqualTo(due.plusSeconds(60));
    }

    @Test
    void outcomesAreRecordedAndOnlyAnEndedEventIsRequeued() {
        OutboxMessage delivered = published(due);
        OutboxMessage failed = published(due);
        OutboxMessage skipped = published(due);
        outbox().claim(10, due, due.plusSeconds(60));

        outbox().succeeded(delivered.id(), due.plusSeconds(1));
        outbox().deadLettered(failed.id(), "gave up", due.plusSeconds(2));
        outbox().markSkipped(skipped.id(), due.plusSeconds(3), "the order was cancelled");

        OutboxEventRecord done = outbox().findForUpdate(delivered.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(done.deliveredAt()).isEqualTo(due.plusSeconds(1));
        assertThat(done.lastError()).isNull();
        assertThat(done.requeueable()).isFalse();
        OutboxEventRecord gaveUp = outbox().find(failed.id()).orElseThrow();
        assertThat(gaveUp.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(gaveUp.deliveredAt()).isNull();
        assertThat(gaveUp.requeueable()).isTrue();
        OutboxEventRecord nothingToDo = outbox().find(skipped.id()).orElseThrow();
        assertThat(nothingToDo.status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(nothingToDo.deliveredAt()).isEqualTo(due.plusSeconds(3));
        assertThat(nothingToDo.lastError()).isEqualTo("the order was cancelled");
        assertThat(nothingToDo.requeueable()).isTrue();

        outbox().requeue(skipped.id(), due.plusSeconds(100));
        OutboxEventRecord again = outbox().find(skipped.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(again.deliveredAt()).isNull();
        assertThat(outbox().list(new OutboxQuery(null, null, failed.aggregateId(), null, null, null, null, 10)))
                .extracting(OutboxEventRecord::id)
                .containsExactly(failed.id());
    }
}
