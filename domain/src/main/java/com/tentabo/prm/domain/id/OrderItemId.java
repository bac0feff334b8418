package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an order's line ({@code order_items}). */
public record OrderItemId(UUID value) implements EntityId {

    public OrderItemId {
        Objects.requireNonNull(value, "OrderItemId");
    }

    /** The id of an optional reference: null for null. */
    public static OrderItemId ofNullable(UUID value) {
        return value == null ? null : new OrderItemId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
