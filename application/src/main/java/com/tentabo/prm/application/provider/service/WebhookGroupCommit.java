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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Group commit of received webhooks: the deliveries of concurrent requests are stored by one transaction
 * ({@link WebhookEventRepository#storeOnce}, one statement), and each delivery's outcome completes only after the
 * transaction that holds its row committed — never acknowledged before the row is durable.
 *
 * <p>One writer thread of its own, started at the first delivery: {@link #submit} queues the event and returns at
 * once (the caller, an HTTP event loop, never waits); the writer writes everything queued (up to {@value #MAX_BATCH}
 * events or {@value #MAX_BATCH_BYTES} bytes of payload per transaction) and completes each event's outcome. While one
 * transaction commits, the deliveries arriving meanwhile queue up for the next: the busier the intake, the larger the
 * batches, and a lone delivery is written alone, without waiting. The writer sleeps when the queue is empty and is
 * woken by the next delivery. A batch that fails is written again event by event, each in its own transaction, so
 * that one event the database refuses fails only its own delivery.
 *
 * <p>Each event comes with the version of its provider's settings it was authenticated against; the transaction that
 * stores a batch first reads the current version of each provider in it (one indexed read per provider, not per
 * event) and leaves out the events checked against settings that changed since (or a provider no longer active):
 * their outcome is {@link Optional#empty()}, with no row, and the delivery is checked again. So a delivery is only
 * ever acknowledged when the settings it was checked against were still the provider's when its row committed.
 */
final class WebhookGroupCommit implements AutoCloseable {

    static final int MAX_BATCH = 500;
    static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    /**
     * A queued event, the provider settings' version it was checked against, and its outcome (empty: those settings
     * are not the provider's any more), completed by the writer.
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
    /** True from a delivery's hand-off to the writer until the writer found the queue empty. */
    private final AtomicBoolean writing = new AtomicBoolean();

    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-group-commit");
        thread.setDaemon(true);
        return thread;
    });

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
     * Queues the event and returns at once. The outcome completes, on the writer's thread, once the event is stored
     * (or found stored) and committed; empty, with nothing stored, when the provider's settings are not
     * {@code version} any more; exceptionally when it cannot be stored.
     */
    CompletableFuture<Optional<Stored>> submit(Incoming event, String version) {
        Pending mine = new Pending(event, version);
        queue.add(mine);
        if (writing.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (RejectedExecutionException closed) {
                writing.set(false);
                queue.remove(mine);
                mine.outcome().completeExceptionally(new IllegalStateException("the webhook intake is stopping"));
            }
        }
        return mine.outcome();
    }

    /** As {@link #submit}, waiting for the outcome: for callers that may block (never an event loop). */
    Optional<Stored> store(Incoming event, String version) {
        try {
            return submit(event, version).join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** Stops the writer; what is queued is written first. */
    @Override
    public void close() {
        writer.shutdown();
    }

    /** On the writer's thread: writes until the queue is empty, then sleeps unless a delivery came meanwhile. */
    private void drain() {
        do {
            while (!queue.isEmpty()) {
                writeBatch();
            }
            writing.set(false);
            // a delivery queued after the last look found the flag still set and left the write to this thread
        } while (!queue.isEmpty() && writing.compareAndSet(false, true));
    }

    /** Writes the oldest queued events in one transaction. */
    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        long bytes = 0;
        for (Pending next = queue.peek();
                next != null && batch.size() < MAX_BATCH && (batch.isEmpty() || bytes + size(next) <= MAX_BATCH_BYTES);
                next = queue.peek()) {
            batch.add(queue.poll());
            bytes += size(next);
        }
        List<Optional<Stored>> stored;
        try {
            stored = tx.requiringNew(() -> storeCurrent(batch));
        } catch (RuntimeException | Error batchFailed) { // then each alone: only what the database refuses fails
            for (Pending one : batch) {
                try {
                    Optional<Stored> alone =
                            tx.requiringNew(() -> storeCurrent(List.of(one))).get(0);
                    one.outcome().complete(alone);
                } catch (RuntimeException | Error failed) { // the writer lives on: the next deliveries get written
                    one.outcome().completeExceptionally(failed);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(stored.get(i));
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
