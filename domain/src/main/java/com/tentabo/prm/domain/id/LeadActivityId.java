package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a planned or done activity on a lead. */
public record LeadActivityId(UUID value) implements EntityId {

    public LeadActivityId {
        Objects.requireNonNull(value, "LeadActivityId");
    }

    /** The id of an optional reference: null for null. */
    public static LeadActivityId ofNullable(UUID value) {
        return value == null ? null : new LeadActivityId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
