package com.tentabo.prm.application.seams;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository.OutboxQuery;
import com.tentabo.prm.domain.order.OrderStatus;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What the outbox does, against the fake and against the JDBC adapter on PostgreSQL. Each test first moves its own
 * event's next attempt to an instant of 1990 and claims at that instant, so that it claims no other test's events.
 */
public abstract class OutboxRepositoryContract {

    protected abstract OutboxPublisher publisher();

    protected abstract OutboxRepository outbox();

    final Instant due = Instant.parse("1990-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000));

    OutboxMessage published() {
        UUID aggregate = UUID.randomUUID();
        OutboxMessage message = new OutboxMessage(
                UUID.randomUUID(),
                OutboxMessage.CRM_DEAL_STATUS,
                "order",
                aggregate,
                new OutboxPayload.CrmDealStatus(OrderStatus.CANCELLED, "ORD-1 was cancelled"));
        publisher().publish(message);
        outbox().retryLater(message.id(), due, null);
        return message;
    }

    @Test
    void aPublishedEventIsPendingAndClaimedOnceWithItsAttemptCounted() {
        OutboxMessage message = published();
        OutboxEventRecord pending = outbox().find(message.id()).orElseThrow();
        assertThat(pending.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(pending.attempts()).isZero();
        assertThat(pending.topic()).isEqualTo(OutboxMessage.CRM_DEAL_STATUS);
        assertThat(pending.payloadJson()).contains("CANCELLED").contains("ORD-1 was cancelled");

        assertThat(outbox().claimDue(due.minusSeconds(1), due.plusSeconds(60), 10))
                .isEmpty();
        var claimed = outbox().claimDue(due, due.plusSeconds(60), 10);
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.message().id()).isEqualTo(message.id());
            assertThat(c.message().payload()).isEqualTo(message.payload());
            assertThat(c.attempt()).isEqualTo(1);
        });
        assertThat(outbox().claimDue(due, due.plusSeconds(60), 10)).isEmpty();
        assertThat(outbox().find(message.id()).orElseThrow().nextAttemptAt()).isEqualTo(due.plusSeconds(60));
    }

    @Test
    void outcomesAreRecordedAndOnlyAnEndedEventIsRequeued() {
        OutboxMessage delivered = published();
        OutboxMessage failed = published();
        outbox().claimDue(due, due.plusSeconds(60), 10);

        outbox().markDelivered(delivered.id(), due.plusSeconds(1));
        outbox().retryLater(failed.id(), due.plusSeconds(30), "503 from the provider");
        OutboxEventRecord retried = outbox().findForUpdate(failed.id()).orElseThrow();
        assertThat(retried.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(retried.lastError()).isEqualTo("503 from the provider");
        assertThat(retried.nextAttemptAt()).isEqualTo(due.plusSeconds(30));
        outbox().markFailed(failed.id(), "gave up");

        OutboxEventRecord done = outbox().find(delivered.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(OutboxStatus.DELIVERED);
        assertThat(done.deliveredAt()).isEqualTo(due.plusSeconds(1));
        assertThat(done.requeueable()).isFalse();
        OutboxEventRecord gaveUp = outbox().find(failed.id()).orElseThrow();
        assertThat(gaveUp.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(gaveUp.attempts()).isEqualTo(1);
        assertThat(gaveUp.requeueable()).isTrue();

        outbox().requeue(failed.id(), due.plusSeconds(100));
        OutboxEventRecord again = outbox().find(failed.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(again.attempts()).isZero();
        assertThat(again.lastError()).isEqualTo("gave up");
        assertThat(outbox().list(new OutboxQuery(null, null, failed.aggregateId(), null, null, null, null, 10)))
                .extracting(OutboxEventRecord::id)
                .containsExactly(failed.id());
    }
}
