package com.tentabo.prm.application.provider.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Incoming;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Stored;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.provider.ProviderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookGroupCommitTest {

    /** Events by {@code <provider>/<event id>}, like the unique intake key; refuses a payload holding "poison". */
    static final class KeyedEvents implements WebhookEventRepository {
        final Map<String, WebhookEventId> rows = new HashMap<>();
        final List<Integer> batchSizes = new ArrayList<>();

        /** Counted down when a write starts; the write then waits for {@link #release} (open unless a test closes it). */
        volatile CountDownLatch entered = new CountDownLatch(1);

        volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public List<Stored> storeOnce(List<Incoming> events) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return write(events);
        }

        synchronized List<Stored> write(List<Incoming> events) {
            if (events.stream().anyMatch(e -> e.event().payloadJson().contains("poison"))) {
                throw new IllegalStateException("the database refuses the payload");
            }
            batchSizes.add(events.size());
            List<Stored> stored = new ArrayList<>();
            for (Incoming e : events) {
                String key = e.providerName() + "/" + e.event().eventId();
                WebhookEventId existing = rows.putIfAbsent(key, e.id());
                stored.add(existing == null ? new Stored(e.id(), false) : new Stored(existing, true));
            }
            return stored;
        }

        @Override
        public Optional<WebhookEventId> lockAndFind(String providerName, String eventId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(
                WebhookEventId id,
                String providerName,
                ProviderType type,
                ParsedWebhook event,
                Map<String, String> headers,
                String ipAddress,
                Instant receivedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void settle(WebhookEventId id, WebhookEventStatus status, Instant at) {
            throw new UnsupportedOperationException();
        }
    }

    static final class CountedTransactions implements Transactions {
        final AtomicInteger opened = new AtomicInteger();

        @Override
        public <T> T requiringNew(Supplier<T> work) {
            opened.incrementAndGet();
            return work.get();
        }
    }

    final KeyedEvents events = new KeyedEvents();
    final CountedTransactions tx = new CountedTransactions();
    /** The current version of each provider's settings, and how many times it was read. */
    final Map<String, String> versions = new java.util.concurrent.ConcurrentHashMap<>(Map.of("pipedrive", "v1"));

    final AtomicInteger versionReads = new AtomicInteger();
    final WebhookGroupCommit commits = new WebhookGroupCommit(tx, events, name -> {
        versionReads.incrementAndGet();
        return Optional.ofNullable(versions.get(name));
    });

    @AfterEach
    void stopTheWriter() {
        commits.close();
    }

    Stored store(Incoming event) {
        return commits.store(event, "v1").orElseThrow();
    }

    static Incoming incoming(String eventId, String payload) {
        return new Incoming(
                new WebhookEventId(UUID.randomUUID()),
                "pipedrive",
                ProviderType.CRM,
                new ParsedWebhook(eventId, "deal.change", payload),
                Map.of(),
                "203.0.113.9",
                Instant.EPOCH);
    }

    @Test
    void aLoneDelivery_isWrittenAtOnce_inATransactionOfItsOwn_andItsCopyNamesTheOriginal() {
        Incoming first = incoming("evt-1", "{}");

        Stored stored = store(first);
        Stored copy = store(incoming("evt-1", "{}"));

        assertThat(stored).isEqualTo(new Stored(first.id(), false));
        assertThat(copy).isEqualTo(new Stored(first.id(), true));
        assertThat(tx.opened.get()).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesAndTheirCopies_eachDistinctEventStoredOnce_eachRequestAnsweredWithItsRow()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Stored>> deliveries = new ArrayList<>();
            List<Incoming> sent = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Incoming event = incoming("evt-" + (i % 200), "{}");
                sent.add(event);
                deliveries.add(() -> store(event));
            }
            List<Future<Stored>> answers = pool.invokeAll(deliveries);
            int originals = 0;
            for (int i = 0; i < answers.size(); i++) {
                Stored stored = answers.get(i).get();
                assertThat(stored.id())
                        .isEqualTo(events.rows.get(
                                "pipedrive/" + sent.get(i).event().eventId()));
                originals += stored.duplicate() ? 0 : 1;
            }
            assertThat(originals).isEqualTo(200);
            assertThat(events.rows).hasSize(200);
            assertThat(events.batchSizes.stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(400);
            assertThat(events.batchSizes)
                    .allSatisfy(size -> assertThat(size).isBetween(1, WebhookGroupCommit.MAX_BATCH));
            assertThat(versionReads.get()).isEqualTo(events.batchSizes.size()); // once per batch, not per event
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEventTheDatabaseRefuses_failsItsOwnRequestOnly() {
        assertThatThrownBy(() -> store(incoming("evt-bad", "{\"poison\": true}")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(store(incoming("evt-good", "{}")).duplicate()).isFalse();
        assertThat(events.rows).containsOnlyKeys("pipedrive/evt-good");
    }

    @Test
    void anEventCheckedAgainstSettingsThatChanged_orOfAProviderNoLongerActive_isNotStored() {
        versions.put("pipedrive", "v2");

        assertThat(commits.store(incoming("evt-old-secret", "{}"), "v1")).isEmpty();
        assertThat(commits.store(incoming("evt-new-secret", "{}"), "v2")).isPresent();

        versions.remove("pipedrive");
        assertThat(commits.store(incoming("evt-inactive", "{}"), "v2")).isEmpty();
        assertThat(events.rows).containsOnlyKeys("pipedrive/evt-new-secret");
    }

    @Test
    void aSlowCommit_neverHoldsTheCaller_theDeliveriesQueuedMeanwhileAreWrittenTogether_afterItCommitted()
            throws Exception {
        events.release = new CountDownLatch(1);
        CompletableFuture<Optional<Stored>> first = commits.submit(incoming("evt-slow", "{}"), "v1");
        events.entered.await(); // the writer is inside the first transaction, held there

        List<CompletableFuture<Optional<Stored>>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queued.add(commits.submit(incoming("evt-queued-" + i, "{}"), "v1"));
        }
        assertThat(first).isNotDone(); // submit returned at once: nothing acknowledged before its commit
        assertThat(queued).noneMatch(CompletableFuture::isDone);

        events.release.countDown();

        assertThat(first.get().orElseThrow().duplicate()).isFalse();
        for (CompletableFuture<Optional<Stored>> one : queued) {
            assertThat(one.get().orElseThrow().duplicate()).isFalse();
        }
        assertThat(events.batchSizes).containsExactly(1, 3);
    }

    @Test
    void aBatchTheDatabaseRefuses_isWrittenAgainEventByEvent_theRefusedDeliveryFailsAlone() throws Exception {
        events.release = new CountDownLatch(1);
        CompletableFuture<Optional<Stored>> first = commits.submit(incoming("evt-before", "{}"), "v1");
        events.entered.await();
        CompletableFuture<Optional<Stored>> good = commits.submit(incoming("evt-good-1", "{}"), "v1");
        CompletableFuture<Optional<Stored>> bad = commits.submit(incoming("evt-poisoned", "{\"poison\": 1}"), "v1");
        CompletableFuture<Optional<Stored>> alsoGood = commits.submit(incoming("evt-good-2", "{}"), "v1");
        events.release.countDown();

        assertThat(first.get()).isPresent();
        assertThat(good.get()).isPresent();
        assertThat(alsoGood.get()).isPresent();
        assertThat(catchThrowable(bad::join)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(events.rows)
                .containsOnlyKeys("pipedrive/evt-before", "pipedrive/evt-good-1", "pipedrive/evt-good-2");
        assertThat(events.batchSizes).containsExactly(1, 1, 1); // the batch of three refused, then one by one
    }
}
