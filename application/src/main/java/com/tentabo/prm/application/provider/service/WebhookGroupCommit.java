package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Incoming;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Stored;
import com.tentabo.prm.application.shared.port.out.Transactions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

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
 *
 * <p>Each event comes with the version of its provider's settings it was authenticated against; the transaction that
 * stores a batch first reads the current version of each provider in it (one indexed read per provider, not per
 * event) and leaves out the events checked against settings that changed since (or a provider no longer active):
 * their requests get no row ({@link Optional#empty()}) and check the delivery again. So a delivery is only ever
 * acknowledged when the settings it was checked against were still the provider's when its row committed.
 */
final class WebhookGroupCommit {

    static final int MAX_BATCH = 500;
    static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    /**
     * A queued event, the provider settings' version it was checked against, and its outcome (empty: those settings
     * are not the provider's any more), completed by whoever writes it (before that writer lets the lock go).
     */
    private record Pending(Incoming event, String version, CompletableFuture<Optional<Stored>> outcome) {
        Pending(Incoming event, String version) {
            this(event, version, new CompletableFuture<>());
        }
    }

    private final Transactions tx;
    private final WebhookEventRepository events;
    private final Function<String, Optional<String>> currentVersion;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * {@code currentVersion}: the version of the active provider of that name's settings (empty when none is active),
     * read in the caller's transaction.
     */
    WebhookGroupCommit(
            Transactions tx, WebhookEventRepository events, Function<String, Optional<String>> currentVersion) {
        this.tx = tx;
        this.events = events;
        this.currentVersion = currentVersion;
    }

    /**
     * Stores the event (or finds it stored), committed when this returns; empty, with nothing stored, when the
     * provider's settings are not {@code version} any more; a failure to store it is thrown.
     */
    Optional<Stored> store(Incoming event, String version) {
        Pending mine = new Pending(event, version);
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
            List<Optional<Stored>> stored = tx.requiringNew(() -> storeCurrent(batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(stored.get(i));
            }
        } catch (RuntimeException batchFailed) {
            for (Pending one : batch) {
                try {
                    one.outcome()
                            .complete(tx.requiringNew(() -> storeCurrent(List.of(one)))
                                    .get(0));
                } catch (RuntimeException failed) {
                    one.outcome().completeExceptionally(failed);
                }
            }
        }
    }

    /** In the caller's transaction: stores the events checked against their provider's current settings. */
    private List<Optional<Stored>> storeCurrent(List<Pending> batch) {
        Map<String, Optional<String>> versions = new HashMap<>();
        List<Incoming> current = new ArrayList<>(batch.size());
        boolean[] isCurrent = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            String provider = pending.event().providerName();
            Optional<String> version =
                    versions.computeIfAbsent(provider.toLowerCase(Locale.ROOT), name -> currentVersion.apply(provider));
            isCurrent[i] = version.isPresent() && version.get().equals(pending.version());
            if (isCurrent[i]) {
                current.add(pending.event());
            }
        }
        List<Stored> stored = current.isEmpty() ? List.of() : events.storeOnce(current);
        List<Optional<Stored>> outcomes = new ArrayList<>(batch.size());
        int next = 0;
        for (boolean holds : isCurrent) {
            outcomes.add(holds ? Optional.of(stored.get(next++)) : Optional.empty());
        }
        return outcomes;
    }

    private static long size(Pending pending) {
        return pending.event().event().payloadJson().length();
    }
}
