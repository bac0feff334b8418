package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of one step of a deal registration's history. */
public record RegistrationHistoryId(UUID value) implements EntityId {

    public RegistrationHistoryId {
        Objects.requireNonNull(value, "RegistrationHistoryId");
    }

    /** The id of an optional reference: null for null. */
    public static RegistrationHistoryId ofNullable(UUID value) {
        return value == null ? null : new RegistrationHistoryId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
