package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a partner's assignment to a distributor ({@code distributor_partners}). */
public record AssignmentId(UUID value) implements EntityId {

    public AssignmentId {
        Objects.requireNonNull(value, "AssignmentId");
    }

    /** The id of an optional reference: null for null. */
    public static AssignmentId ofNullable(UUID value) {
        return value == null ? null : new AssignmentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
