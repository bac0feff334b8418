package com.tentabo.prm.application.shared.workqueue;

import com.tentabo.prm.domain.shared.Transitions;

/**
 * Where an item of a work queue stands, whatever its queue calls it: waiting for the worker ({@link #PENDING}),
 * done ({@link #DONE}: final), found to need nothing ({@link #NOTHING_TO_DO}) or given up ({@link #GIVEN_UP}). Both
 * queues live by this one table: the worker settles a pending item or keeps it pending for a later attempt, and an
 * operator puts back in the queue an item that ended without being done.
 */
public enum ItemState {
    PENDING,
    DONE,
    NOTHING_TO_DO,
    GIVEN_UP;

    private static final Transitions<ItemState> TABLE = Transitions.of(ItemState.class)
            .allow(PENDING, PENDING, DONE, NOTHING_TO_DO, GIVEN_UP)
            .allow(GIVEN_UP, PENDING)
            .allow(NOTHING_TO_DO, PENDING);

    public boolean canMoveTo(ItemState to) {
        return TABLE.allows(this, to);
    }

    /** Only an item that ended without being done can be put back in the queue. */
    public boolean requeueable() {
        return this != PENDING && canMoveTo(PENDING);
    }
}
