package com.tentabo.prm.application.shared.workqueue;

/**
 * A queue's own names for the {@link ItemState}s of its items (the outbox's DELIVERED and SKIPPED, a webhook event's
 * PROCESSED and IGNORED): the moves allowed between them are the states'.
 *
 * @param <S> the queue's status enum
 */
public interface QueueItemStatus<S extends QueueItemStatus<S>> {

    ItemState state();

    default boolean canMoveTo(S to) {
        return state().canMoveTo(to.state());
    }

    /** Only an item that ended without being done can be put back in the queue. */
    default boolean requeueable() {
        return state().requeueable();
    }
}
