package com.tentabo.prm.application.shared.workqueue;

import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository.Claimed;
import com.tentabo.prm.domain.id.EntityId;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loop both background workers run over their queue: claim a batch in one short transaction, hand each item to
 * the handler, and when the handler throws, back off (pending again, due later) or give up (dead letter) by the one
 * {@link QueuePolicy}, in a transaction of its own.
 *
 * <p>The handler settles what it handled itself, in transactions it opens through {@link Transactions}: it reads in
 * one, calls the outside world with none open (a provider's latency must never hold a database connection or a row
 * lock), and records the outcome with the item's end in one. So the loop opens no transaction around a handler.
 * Handling is at least once: a crash between the outside world's answer and the record makes the item due again when
 * its lease ends.
 *
 * @param <K> the typed id of the queue's items
 * @param <I> what a claimed item carries
 */
public final class WorkQueueWorker<K extends EntityId, I> {

    private static final System.Logger LOG = System.getLogger(WorkQueueWorker.class.getName());

    /** What became of an item. */
    public enum Outcome {
        /** Done (delivered, processed). */
        SUCCEEDED,
        /** Ended by the handler with nothing to do (skipped, ignored). */
        SETTLED,
        /** Pending again, due later. */
        RETRIED,
        /** Given up: waits for a person. */
        DEAD_LETTERED
    }

    /** Handles one claimed item. */
    public interface Handler<K extends EntityId, I> {

        /** Handles the item and settles it (or throws, for the worker to back off or give up). */
        Outcome handle(Claimed<K, I> claimed);

        /** A failure this handler reads otherwise than the worker (empty: as the worker reads it). */
        default Optional<Failure> read(RuntimeException thrown) {
            return Optional.empty();
        }

        /** Runs in the transaction that gives the item up (a notice to the admins, …). */
        default void gaveUp(Claimed<K, I> claimed, String reason) {}
    }

    /** How many items of a run ended in each way. */
    public record Tally(Map<Outcome, Integer> counts) {

        public static Tally of(List<Outcome> outcomes) {
            Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
            outcomes.forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
            return new Tally(Map.copyOf(counts));
        }

        public int of(Outcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }
    }

    private final String name;
    private final WorkQueueRepository<K, I> queue;
    private final Transactions tx;
    private final QueuePolicy policy;
    private final Clock clock;

    /**
     * @param name what the log calls the queue's items ("Outbox event", "Webhook event")
     */
    public WorkQueueWorker(
            String name, WorkQueueRepository<K, I> queue, Transactions tx, QueuePolicy policy, Clock clock) {
        this.name = name;
        this.queue = queue;
        this.tx = tx;
        this.policy = policy;
        this.clock = clock;
    }

    /** Claims the run's batch, one transaction. */
    public List<Claimed<K, I>> claim() {
        Instant now = clock.instant();
        return tx.requiringNew(() -> queue.claim(policy.batchSize(), now, now.plus(policy.lease())));
    }

    /** Claims a batch and handles its items one after the other. */
    public Tally run(Handler<K, I> handler) {
        return Tally.of(
                claim().stream().map(claimed -> handle(claimed, handler)).toList());
    }

    /** Handles one claimed item; never throws for the item's failure. */
    public Outcome handle(Claimed<K, I> claimed, Handler<K, I> handler) {
        try {
            return handler.handle(claimed);
        } catch (RuntimeException thrown) {
            return afterFailure(claimed, failureOf(claimed, thrown, handler), handler);
        }
    }

    private Failure failureOf(Claimed<K, I> claimed, RuntimeException thrown, Handler<K, I> handler) {
        if (thrown instanceof ItemFailure failure) {
            return Failure.of(failure);
        }
        return handler.read(thrown).orElseGet(() -> {
            LOG.log(System.Logger.Level.ERROR, name + " " + claimed.id() + " failed unexpectedly", thrown);
            return Failure.unexpected(thrown);
        });
    }

    private Outcome afterFailure(Claimed<K, I> claimed, Failure failure, Handler<K, I> handler) {
        String text = Failure.text(failure.error());
        Optional<Instant> next = policy.nextAttempt(
                claimed.attempt(), claimed.id(), failure.retryable(), failure.retryAfter(), clock.instant());
        if (next.isEmpty()) {
            String reason = failure.retryable() ? "gave up after " + claimed.attempt() + " attempts: " + text : text;
            tx.requiringNew(() -> {
                queue.deadLettered(claimed.id(), reason, clock.instant());
                handler.gaveUp(claimed, reason);
            });
            return Outcome.DEAD_LETTERED;
        }
        tx.requiringNew(() -> queue.failed(claimed.id(), text, next.get()));
        return Outcome.RETRIED;
    }
}
