package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Incoming;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Stored;
import com.tentabo.prm.application.shared.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of received webhooks: the deliveries of concurrent requests are stored by one transaction
 * ({@link WebhookEventRepository#storeOnce}, one statement), and each request returns only after the transaction that
 * holds its row committed — never acknowledged before the row is durable.
 *
 * <p>No thread of its own and no timer: a request queues its event, then takes the writer's lock; whoever holds it
 * writes everything queued (up to {@value #MAX_BATCH} events or {@value #MAX_BATCH_BYTES} bytes of payload per
 * transaction) and marks each event done; a request that gets the lock and finds its event done returns at once.
 * While one transaction commits, the requests arriving meanwhile queue up for the next: the busier the intake, the
 * larger the batches, and a lone request is written alone, without waiting. A batch that fails is written again event
 * by event, each in its own transaction, so that one event the database refuses fails only its own request.
 */
final class WebhookGroupCommit {

    static final int MAX_BATCH = 500;
    static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    /** A queued event and its outcome, completed by whoever writes it (before that writer lets the lock go). */
    private record Pending(Incoming event, CompletableFuture<Stored> outcome) {
        Pending(Incoming event) {
            this(event, new CompletableFuture<>());
        }
    }

    private final Transactions tx;
    private final WebhookEventRepository events;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    WebhookGroupCommit(Transactions tx, WebhookEventRepository events) {
        this.tx = tx;
        this.events = events;
    }

    /** Stores the event (or finds it stored), committed when this returns; a failure to store it is thrown. */
    Stored store(Incoming event) {
        Pending mine = new Pending(event);
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.outcome().isDone()) {
                writeBatch();
            }
        } finally {
            writer.unlock();
        }
        try {
            return mine.outcome().join();
        } catch (CompletionException failed) {
            throw (RuntimeException) failed.getCause();
        }
    }

    /** Writes the oldest queued events in one transaction; called with the writer's lock held. */
    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        long bytes = 0;
        for (Pending next = queue.peek();
                next != null && batch.size() < MAX_BATCH && (batch.isEmpty() || bytes + size(next) <= MAX_BATCH_BYTES);
                next = queue.peek()) {
            batch.add(queue.poll());
            bytes += size(next);
        }
        try {
            List<Stored> stored = tx.requiringNew(
                    () -> events.storeOnce(batch.stream().map(Pending::event).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(stored.get(i));
            }
        } catch (RuntimeException batchFailed) {
            for (Pending one : batch) {
                try {
                    one.outcome()
                            .complete(tx.requiringNew(() -> events.storeOnce(List.of(one.event())))
                                    .get(0));
                } catch (RuntimeException failed) {
                    one.outcome().completeExceptionally(failed);
                }
            }
        }
    }

    private static long size(Pending pending) {
        return pending.event().event().payloadJson().length();
    }
}
