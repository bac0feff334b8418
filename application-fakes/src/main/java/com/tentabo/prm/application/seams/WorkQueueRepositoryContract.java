package com.tentabo.prm.application.seams;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.shared.port.out.WorkQueueRepository;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository.Claimed;
import com.tentabo.prm.domain.id.EntityId;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every work queue does (the outbox, the received webhooks), against the fakes and against the JDBC adapters on
 * PostgreSQL. Each test enqueues its own items due at an instant of 1990 and claims at that instant, so that it claims
 * no other test's items.
 *
 * @param <K> the typed id of the queue's items
 * @param <I> what a claimed item carries
 */
public abstract class WorkQueueRepositoryContract<K extends EntityId, I> {

    /** How the queue's table names an item's state, by what the worker did. */
    public enum State {
        PENDING,
        SUCCEEDED,
        DEAD_LETTERED,
        OTHER
    }

    /** An item as stored: its state, attempts and last error. */
    public record Row(State state, int attempts, String error) {}

    protected abstract WorkQueueRepository<K, I> queue();

    /** A new pending item, due at {@code due} and not before. */
    protected abstract K enqueued(Instant due);

    protected abstract Row row(K id);

    protected final Instant due = Instant.parse("1990-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000));

    @Test
    void aDueItemIsClaimedOnceWithItsAttemptCountedUntilItsLeaseEnds() {
        K id = enqueued(due);
        assertThat(row(id)).isEqualTo(new Row(State.PENDING, 0, null));

        assertThat(queue().claim(10, due.minusSeconds(1), due.plusSeconds(60))).isEmpty();
        assertThat(queue().claim(10, due, due.plusSeconds(60))).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.item()).isNotNull();
            assertThat(c.attempt()).isEqualTo(1);
        });
        assertThat(row(id).attempts()).isEqualTo(1);
        // leased: no one claims it again before the lease ends, then anyone may (its instance died)
        assertThat(queue().claim(10, due.plusSeconds(59), due.plusSeconds(120))).isEmpty();
        assertThat(queue().claim(10, due.plusSeconds(60), due.plusSeconds(120)))
                .extracting(Claimed::id, Claimed::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, 2));
    }

    @Test
    void aBatchTakesTheLongestDueFirst() {
        K later = enqueued(due.minusSeconds(1));
        K first = enqueued(due.minusSeconds(3));
        K second = enqueued(due.minusSeconds(2));

        assertThat(queue().claim(2, due, due.plusSeconds(60)))
                .extracting(Claimed::id)
                .containsExactlyInAnyOrder(first, second);
        assertThat(queue().claim(2, due, due.plusSeconds(60)))
                .extracting(Claimed::id)
                .containsExactly(later);
    }

    @Test
    void aFailedItemIsDueAgainLaterAndADeadLetterOnlyWhenRequeued() {
        K done = enqueued(due);
        K failing = enqueued(due);
        queue().claim(10, due, due.plusSeconds(60));

        queue().succeeded(done, due.plusSeconds(1));
        assertThat(row(done).state()).isEqualTo(State.SUCCEEDED);

        queue().failed(failing, "503 from the provider", due.plusSeconds(30));
        assertThat(row(failing)).isEqualTo(new Row(State.PENDING, 1, "503 from the provider"));
        assertThat(queue().claim(10, due.plusSeconds(29), due.plusSeconds(90))).isEmpty();
        assertThat(queue().claim(10, due.plusSeconds(30), due.plusSeconds(90)))
                .extracting(Claimed::id, Claimed::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(failing, 2));

        queue().deadLettered(failing, "gave up after 2 attempts: 503", due.plusSeconds(31));
        assertThat(row(failing)).isEqualTo(new Row(State.DEAD_LETTERED, 2, "gave up after 2 attempts: 503"));
        assertThat(queue().claim(10, due.plusSeconds(1000), due.plusSeconds(2000)))
                .isEmpty();

        queue().requeue(failing, due.plusSeconds(100));
        assertThat(row(failing)).isEqualTo(new Row(State.PENDING, 0, "gave up after 2 attempts: 503"));
        assertThat(queue().claim(10, due.plusSeconds(100), due.plusSeconds(160)))
                .extracting(Claimed::id, Claimed::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(failing, 1));
        assertThat(row(done).state()).isEqualTo(State.SUCCEEDED);
    }
}
