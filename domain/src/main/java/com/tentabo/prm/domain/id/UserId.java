package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a user (a staff or portal account). */
public record UserId(UUID value) implements EntityId {

    public UserId {
        Objects.requireNonNull(value, "UserId");
    }

    /** The id of an optional reference: null for null. */
    public static UserId ofNullable(UUID value) {
        return value == null ? null : new UserId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
