package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a lead. */
public record LeadId(UUID value) implements EntityId {

    public LeadId {
        Objects.requireNonNull(value, "LeadId");
    }

    /** The id of an optional reference: null for null. */
    public static LeadId ofNullable(UUID value) {
        return value == null ? null : new LeadId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
