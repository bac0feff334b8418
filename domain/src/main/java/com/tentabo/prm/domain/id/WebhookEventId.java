package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a received provider webhook ({@code webhook_events}). */
public record WebhookEventId(UUID value) implements EntityId {

    public WebhookEventId {
        Objects.requireNonNull(value, "WebhookEventId");
    }

    /** The id of an optional reference: null for null. */
    public static WebhookEventId ofNullable(UUID value) {
        return value == null ? null : new WebhookEventId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
