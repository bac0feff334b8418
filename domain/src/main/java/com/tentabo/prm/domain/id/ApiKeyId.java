package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an API key. */
public record ApiKeyId(UUID value) implements EntityId {

    public ApiKeyId {
        Objects.requireNonNull(value, "ApiKeyId");
    }

    /** The id of an optional reference: null for null. */
    public static ApiKeyId ofNullable(UUID value) {
        return value == null ? null : new ApiKeyId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
