package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The received webhooks as the processing worker's queue, in memory, with the statuses and columns of
 * {@code webhook_events}: due at the next attempt, or when received while there is none.
 */
public class InMemoryWebhookQueue implements WebhookQueueRepository {

    /** One {@code webhook_events} row as the queue sees it. */
    public record Row(
            WebhookEventId id,
            Received event,
            WebhookEventStatus status,
            int attempts,
            Instant receivedAt,
            Instant nextAttemptAt,
            Instant processedAt,
            String errorMessage) {

        Instant due() {
            return nextAttemptAt != null ? nextAttemptAt : receivedAt;
        }
    }

    private final Map<WebhookEventId, Row> rows = new ConcurrentHashMap<>();

    /** A webhook stored by the intake: pending, due when received. */
    public void received(WebhookEventId id, Received event, Instant receivedAt) {
        rows.put(id, new Row(id, event, WebhookEventStatus.PENDING, 0, receivedAt, null, null, null));
    }

    public Optional<Row> row(WebhookEventId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized List<Claimed<WebhookEventId, Received>> claim(int batch, Instant now, Instant leaseUntil) {
        List<Row> due = rows.values().stream()
                .filter(r ->
                        r.status() == WebhookEventStatus.PENDING && !r.due().isAfter(now))
                .sorted(Comparator.comparing(Row::due).thenComparing(r -> r.id().value(), Keys.UUID_ORDER))
                .limit(batch)
                .toList();
        List<Row> byReceipt = new ArrayList<>(due);
        byReceipt.sort(Comparator.comparing(Row::receivedAt));
        List<Claimed<WebhookEventId, Received>> claimed = new ArrayList<>();
        for (Row r : byReceipt) {
            put(r, r.status(), r.attempts() + 1, leaseUntil, r.processedAt(), r.errorMessage());
            claimed.add(new Claimed<>(r.id(), r.event(), r.attempts() + 1));
        }
        return claimed;
    }

    @Override
    public void succeeded(WebhookEventId id, Instant at) {
        settle(id, WebhookEventStatus.PROCESSED, null, at);
    }

    @Override
    public void settle(WebhookEventId id, WebhookEventStatus status, String reason, Instant at) {
        change(id, r -> put(r, status, r.attempts(), null, at, reason));
    }

    @Override
    public void failed(WebhookEventId id, String error, Instant nextAttemptAt) {
        change(id, r -> put(r, WebhookEventStatus.PENDING, r.attempts(), nextAttemptAt, r.processedAt(), error));
    }

    @Override
    public void deadLettered(WebhookEventId id, String reason, Instant at) {
        settle(id, WebhookEventStatus.FAILED, reason, at);
    }

    @Override
    public Optional<String> lockStatus(WebhookEventId id) {
        return row(id).map(r -> r.status().wireName());
    }

    @Override
    public void requeue(WebhookEventId id, Instant now) {
        change(id, r -> put(r, WebhookEventStatus.PENDING, 0, now, null, r.errorMessage()));
    }

    private synchronized void change(WebhookEventId id, java.util.function.Consumer<Row> update) {
        Row r = rows.get(id);
        if (r != null) {
            update.accept(r);
        }
    }

    /** Moves the row; a move the status table does not allow is a bug of the caller. */
    private void put(Row r, WebhookEventStatus status, int attempts, Instant next, Instant processedAt, String error) {
        if (!r.status().canMoveTo(status)) {
            throw new IllegalStateException("a webhook event cannot move from " + r.status() + " to " + status);
        }
        rows.put(r.id(), new Row(r.id(), r.event(), status, attempts, r.receivedAt(), next, processedAt, error));
    }
}
