package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a provider configuration ({@code provider_configs}). */
public record ProviderId(UUID value) implements EntityId {

    public ProviderId {
        Objects.requireNonNull(value, "ProviderId");
    }

    /** The id of an optional reference: null for null. */
    public static ProviderId ofNullable(UUID value) {
        return value == null ? null : new ProviderId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
