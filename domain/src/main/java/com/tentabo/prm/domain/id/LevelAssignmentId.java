package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of one period of a partner at a programme level. */
public record LevelAssignmentId(UUID value) implements EntityId {

    public LevelAssignmentId {
        Objects.requireNonNull(value, "LevelAssignmentId");
    }

    /** The id of an optional reference: null for null. */
    public static LevelAssignmentId ofNullable(UUID value) {
        return value == null ? null : new LevelAssignmentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
