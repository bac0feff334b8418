package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a catalog duration. */
public record DurationId(UUID value) implements EntityId {

    public DurationId {
        Objects.requireNonNull(value, "DurationId");
    }

    /** The id of an optional reference: null for null. */
    public static DurationId ofNullable(UUID value) {
        return value == null ? null : new DurationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
