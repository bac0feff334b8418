package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an order. */
public record OrderId(UUID value) implements EntityId {

    public OrderId {
        Objects.requireNonNull(value, "OrderId");
    }

    /** The id of an optional reference: null for null. */
    public static OrderId ofNullable(UUID value) {
        return value == null ? null : new OrderId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
