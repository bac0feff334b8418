package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an inbox notification. */
public record NotificationId(UUID value) implements EntityId {

    public NotificationId {
        Objects.requireNonNull(value, "NotificationId");
    }

    /** The id of an optional reference: null for null. */
    public static NotificationId ofNullable(UUID value) {
        return value == null ? null : new NotificationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
