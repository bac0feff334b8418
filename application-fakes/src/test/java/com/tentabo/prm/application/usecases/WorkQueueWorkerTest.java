package com.tentabo.prm.application.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.fakes.InMemoryWebhookQueue;
import com.tentabo.prm.application.fakes.InlineTransactions;
import com.tentabo.prm.application.fakes.MutableClock;
import com.tentabo.prm.application.outbox.OutboxSettings;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository.Received;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository.Claimed;
import com.tentabo.prm.application.shared.workqueue.Failure;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker.Outcome;
import com.tentabo.prm.application.shared.workqueue.WorkQueueWorker.Tally;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one worker loop over a work queue (the in-memory received webhooks) with a fixed clock moved by hand: the
 * outbox's settings say the batch, the lease and the backoff (30 s, doubling, 3 attempts).
 */
class WorkQueueWorkerTest {

    final MutableClock clock = MutableClock.standing();
    final InMemoryWebhookQueue queue = new InMemoryWebhookQueue();
    final InlineTransactions tx = new InlineTransactions();
    final OutboxSettings settings =
            new OutboxSettings(2, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofHours(1), 3);
    final WorkQueueWorker<WebhookEventId, Received> worker =
            new WorkQueueWorker<>("Webhook event", queue, tx, settings, clock);

    /** A handler doing what it is told, recording what it saw and what it gave up. */
    final class Scripted implements WorkQueueWorker.Handler<WebhookEventId, Received> {
        final Function<Claimed<WebhookEventId, Received>, Outcome> script;
        final List<Claimed<WebhookEventId, Received>> seen = new ArrayList<>();
        final List<String> gaveUp = new ArrayList<>();

        Scripted(Function<Claimed<WebhookEventId, Received>, Outcome> script) {
            this.script = script;
        }

        @Override
        public Outcome handle(Claimed<WebhookEventId, Received> claimed) {
            seen.add(claimed);
            return script.apply(claimed);
        }

        @Override
        public Optional<Failure> read(RuntimeException thrown) {
            return thrown instanceof IllegalArgumentException refused
                    ? Optional.of(Failure.permanent("refused: " + refused.getMessage()))
                    : Optional.empty();
        }

        @Override
        public void gaveUp(Claimed<WebhookEventId, Received> claimed, String reason) {
            gaveUp.add(claimed.id() + ": " + reason);
        }
    }

    WebhookEventId received() {
        WebhookEventId id = new WebhookEventId(UUID.randomUUID());
        queue.received(id, new Received("pipedrive", "change.person", "{}"), clock.instant());
        return id;
    }

    InMemoryWebhookQueue.Row row(WebhookEventId id) {
        return queue.row(id).orElseThrow();
    }

    @Test
    void aHandledItemSucceedsAndIsNotClaimedAgain() {
        WebhookEventId id = received();
        Scripted handler = new Scripted(claimed -> {
            queue.succeeded(claimed.id(), clock.instant());
            return Outcome.SUCCEEDED;
        });

        Tally tally = worker.run(handler);

        assertThat(tally.of(Outcome.SUCCEEDED)).isEqualTo(1);
        assertThat(handler.seen).extracting(Claimed::id, Claimed::attempt).containsExactly(tuple(id, 1));
        assertThat(row(id).status()).isEqualTo(WebhookEventStatus.PROCESSED);
        clock.advance(Duration.ofHours(1));
        assertThat(worker.run(handler).counts()).isEmpty();
        assertThat(handler.seen).hasSize(1);
    }

    @Test
    void aClaimedItemIsNotClaimedTwiceWhileItsLeaseLasts() {
        WebhookEventId id = received();
        List<Claimed<WebhookEventId, Received>> first = worker.claim();
        assertThat(first).extracting(Claimed::id).containsExactly(id);
        assertThat(row(id).nextAttemptAt()).isEqualTo(clock.instant().plus(settings.lease()));

        clock.advance(settings.lease().minusSeconds(1));
        assertThat(worker.claim()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        // the instance that claimed it died: another takes it, as a second attempt
        assertThat(worker.claim()).extracting(Claimed::id, Claimed::attempt).containsExactly(tuple(id, 2));
    }

    @Test
    void aRetryableFailureBacksOffByThePolicyAndKeepsTheError() {
        WebhookEventId id = received();
        Instant start = clock.instant();
        Scripted handler = new Scripted(claimed -> {
            throw ProviderFailure.retryable("Pipedrive answered 503", (Duration) null);
        });

        assertThat(worker.run(handler).of(Outcome.RETRIED)).isEqualTo(1);
        InMemoryWebhookQueue.Row retried = row(id);
        assertThat(retried.status()).isEqualTo(WebhookEventStatus.PENDING);
        assertThat(retried.errorMessage()).isEqualTo("Pipedrive answered 503");
        assertThat(retried.nextAttemptAt()).isEqualTo(start.plus(settings.retryDelay(1, id)));

        clock.set(retried.nextAttemptAt().minusSeconds(1));
        assertThat(worker.run(handler).counts()).isEmpty();
        clock.set(retried.nextAttemptAt());
        assertThat(worker.run(handler).of(Outcome.RETRIED)).isEqualTo(1);
        assertThat(row(id).nextAttemptAt()).isEqualTo(clock.instant().plus(settings.retryDelay(2, id)));
        assertThat(handler.gaveUp).isEmpty();
    }

    @Test
    void aProvidersWaitLongerThanTheBackoffIsKept() {
        WebhookEventId id = received();
        Scripted handler = new Scripted(claimed -> {
            throw ProviderFailure.rateLimited("429 from Pipedrive", Duration.ofMinutes(10));
        });

        worker.run(handler);

        assertThat(row(id).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void theLastAttemptsFailureIsADeadLetterAndItsNoticeIsGivenInTheSameTransaction() {
        WebhookEventId id = received();
        Scripted handler = new Scripted(claimed -> {
            throw ProviderFailure.retryable("timeout", (Duration) null);
        });
        for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
            assertThat(worker.run(handler).of(Outcome.RETRIED)).isEqualTo(1);
            clock.set(row(id).nextAttemptAt());
        }
        int before = tx.opened();

        Tally last = worker.run(handler);

        assertThat(last.of(Outcome.DEAD_LETTERED)).isEqualTo(1);
        InMemoryWebhookQueue.Row dead = row(id);
        assertThat(dead.status()).isEqualTo(WebhookEventStatus.FAILED);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.errorMessage()).isEqualTo("gave up after 3 attempts: timeout");
        assertThat(dead.processedAt()).isEqualTo(clock.instant());
        assertThat(handler.gaveUp).containsExactly(id + ": gave up after 3 attempts: timeout");
        assertThat(tx.opened() - before)
                .as("the claim, then the dead letter with its notice")
                .isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        assertThat(worker.run(handler).counts()).isEmpty();
    }

    @Test
    void aPermanentFailureIsADeadLetterAtOnceWithItsReason() {
        WebhookEventId refused = received();
        WebhookEventId permanent = received();
        Scripted handler = new Scripted(claimed -> {
            if (claimed.id().equals(refused)) {
                throw new IllegalArgumentException("an e-mail that is not one");
            }
            throw ProviderFailure.permanent("401 from Pipedrive");
        });

        Tally tally = worker.run(handler);

        assertThat(tally.of(Outcome.DEAD_LETTERED)).isEqualTo(2);
        assertThat(row(refused).errorMessage()).isEqualTo("refused: an e-mail that is not one");
        assertThat(row(permanent).errorMessage()).isEqualTo("401 from Pipedrive");
    }

    @Test
    void anUnexpectedErrorIsRetriedLikeANetworkErrorWithItsKindOnly() {
        WebhookEventId id = received();
        Scripted handler = new Scripted(claimed -> {
            throw new IllegalStateException("a secret detail of the defect");
        });

        assertThat(worker.run(handler).of(Outcome.RETRIED)).isEqualTo(1);
        assertThat(row(id).errorMessage()).isEqualTo("unexpected error: IllegalStateException");
    }

    @Test
    void aBatchHoldsAtMostTheConfiguredSizeAndTheRestWaitsForTheNextRun() {
        received();
        received();
        received();
        Scripted handler = new Scripted(claimed -> {
            queue.settle(claimed.id(), WebhookEventStatus.IGNORED, null, clock.instant());
            return Outcome.SETTLED;
        });

        assertThat(worker.run(handler).of(Outcome.SETTLED)).isEqualTo(2);
        assertThat(worker.run(handler).of(Outcome.SETTLED)).isEqualTo(1);
        assertThat(handler.seen).extracting(Claimed::id).doesNotHaveDuplicates();
    }

    static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
