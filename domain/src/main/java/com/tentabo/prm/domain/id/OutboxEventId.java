package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an outbox event ({@code outbox_events}). */
public record OutboxEventId(UUID value) implements EntityId {

    public OutboxEventId {
        Objects.requireNonNull(value, "OutboxEventId");
    }

    /** The id of an optional reference: null for null. */
    public static OutboxEventId ofNullable(UUID value) {
        return value == null ? null : new OutboxEventId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
