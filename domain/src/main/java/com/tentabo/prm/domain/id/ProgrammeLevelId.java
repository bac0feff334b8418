package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a level of the partner programme. */
public record ProgrammeLevelId(UUID value) implements EntityId {

    public ProgrammeLevelId {
        Objects.requireNonNull(value, "ProgrammeLevelId");
    }

    /** The id of an optional reference: null for null. */
    public static ProgrammeLevelId ofNullable(UUID value) {
        return value == null ? null : new ProgrammeLevelId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
