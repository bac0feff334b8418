package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.shared.Transitions;
import java.util.Locale;
import java.util.Optional;

/**
 * The status of a received webhook event ({@code webhook_events.status}). An event is PENDING until the worker has
 * applied it (PROCESSED), found nothing to apply (IGNORED) or given up on it (FAILED); a PENDING event retried later
 * stays PENDING. An operator processes a FAILED or IGNORED event again: it is PENDING once more. PROCESSED is final.
 * The seed stores and the API shows the lower-case names ({@link #wireName()}); the seed's column has no check, so a
 * stored value none of these names is read as no status ({@link #ofWire} empty) and cannot be requeued.
 */
public enum WebhookEventStatus {
    PENDING,
    PROCESSED,
    IGNORED,
    FAILED;

    private static final Transitions<WebhookEventStatus> TABLE = Transitions.of(WebhookEventStatus.class)
            .allow(PENDING, PENDING, PROCESSED, IGNORED, FAILED)
            .allow(FAILED, PENDING)
            .allow(IGNORED, PENDING);

    public boolean canMoveTo(WebhookEventStatus to) {
        return TABLE.allows(this, to);
    }

    /** Only an event that ended without being applied can be processed again. */
    public boolean requeueable() {
        return this != PENDING && canMoveTo(PENDING);
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
