package com.tentabo.prm.application.outbox;

import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.Transitions;
import java.util.Locale;

/**
 * The status of an {@code outbox_events} row. An event is PENDING until the worker delivers it (DELIVERED, final),
 * gives up on it (FAILED: attempts exhausted or a permanent error) or finds nothing left to do (SKIPPED); a PENDING
 * event retried later stays PENDING. An operator sends a FAILED or SKIPPED event again: it is PENDING once more.
 * The persistence adapter stores the names as they are (the seed's {@code check_outbox_status}); the API shows them
 * in lower case.
 */
public enum OutboxStatus {
    PENDING,
    DELIVERED,
    FAILED,
    SKIPPED;

    private static final Transitions<OutboxStatus> TABLE = Transitions.of(OutboxStatus.class)
            .allow(PENDING, PENDING, DELIVERED, FAILED, SKIPPED)
            .allow(FAILED, PENDING)
            .allow(SKIPPED, PENDING);

    public boolean canMoveTo(OutboxStatus to) {
        return TABLE.allows(this, to);
    }

    /** Only an event that ended without being delivered can be sent again. */
    public boolean requeueable() {
        return this != PENDING && canMoveTo(PENDING);
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
