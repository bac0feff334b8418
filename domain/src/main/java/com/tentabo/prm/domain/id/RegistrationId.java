package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a deal registration. */
public record RegistrationId(UUID value) implements EntityId {

    public RegistrationId {
        Objects.requireNonNull(value, "RegistrationId");
    }

    /** The id of an optional reference: null for null. */
    public static RegistrationId ofNullable(UUID value) {
        return value == null ? null : new RegistrationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
