package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a local administrator account ({@code admin_users}), not of its linked {@code users} row. */
public record AdminUserId(UUID value) implements EntityId {

    public AdminUserId {
        Objects.requireNonNull(value, "AdminUserId");
    }

    /** The id of an optional reference: null for null. */
    public static AdminUserId ofNullable(UUID value) {
        return value == null ? null : new AdminUserId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
