package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a catalog product. */
public record ProductId(UUID value) implements EntityId {

    public ProductId {
        Objects.requireNonNull(value, "ProductId");
    }

    /** The id of an optional reference: null for null. */
    public static ProductId ofNullable(UUID value) {
        return value == null ? null : new ProductId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
