package com.tentabo.prm.application.outbox;

import com.tentabo.prm.application.shared.workqueue.ItemState;
import com.tentabo.prm.application.shared.workqueue.QueueItemStatus;
import com.tentabo.prm.domain.shared.DomainException;
import java.util.Locale;

/**
 * The status of an {@code outbox_events} row. An event is PENDING until the worker delivers it (DELIVERED, final),
 * gives up on it (FAILED: attempts exhausted or a permanent error) or finds nothing left to do (SKIPPED); a PENDING
 * event retried later stays PENDING. An operator sends a FAILED or SKIPPED event again: it is PENDING once more
 * (the moves of every work queue's items: {@link ItemState}).
 * The persistence adapter stores the names as they are (the seed's {@code check_outbox_status}); the API shows them
 * in lower case.
 */
public enum OutboxStatus implements QueueItemStatus<OutboxStatus> {
    PENDING(ItemState.PENDING),
    DELIVERED(ItemState.DONE),
    FAILED(ItemState.GIVEN_UP),
    SKIPPED(ItemState.NOTHING_TO_DO);

    private final ItemState state;

    OutboxStatus(ItemState state) {
        this.state = state;
    }

    @Override
    public ItemState state() {
        return state;
    }

    /** The API's spelling. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A status filter in any case, as the API shows statuses in lower case; null for none; else a 400. */
    public static OutboxStatus parse(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("status", "must be one of pending, delivered, failed, skipped");
        }
    }
}
