package com.tentabo.prm.application.provider;

import com.tentabo.prm.application.shared.workqueue.ItemState;
import com.tentabo.prm.application.shared.workqueue.QueueItemStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * The status of a received webhook event ({@code webhook_events.status}). An event is PENDING until the worker has
 * applied it (PROCESSED), found nothing to apply (IGNORED) or given up on it (FAILED); a PENDING event retried later
 * stays PENDING. An operator processes a FAILED or IGNORED event again: it is PENDING once more. PROCESSED is final
 * (the moves of every work queue's items: {@link ItemState}).
 * The seed stores and the API shows the lower-case names ({@link #wireName()}); the seed's column has no check, so a
 * stored value none of these names is read as no status ({@link #ofWire} empty) and cannot be requeued.
 */
public enum WebhookEventStatus implements QueueItemStatus<WebhookEventStatus> {
    PENDING(ItemState.PENDING),
    PROCESSED(ItemState.DONE),
    IGNORED(ItemState.NOTHING_TO_DO),
    FAILED(ItemState.GIVEN_UP);

    private final ItemState state;

    WebhookEventStatus(ItemState state) {
        this.state = state;
    }

    @Override
    public ItemState state() {
        return state;
    }

    /** The spelling of the API and of {@code webhook_events.status}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a stored or shown value; empty for null or a value that is none of them (a legacy row). */
    public static Optional<WebhookEventStatus> ofWire(String value) {
        for (WebhookEventStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
