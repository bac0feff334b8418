package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a row of a lead's status history ({@code lead_status_history}). */
public record LeadHistoryId(UUID value) implements EntityId {

    public LeadHistoryId {
        Objects.requireNonNull(value, "LeadHistoryId");
    }

    /** The id of an optional reference: null for null. */
    public static LeadHistoryId ofNullable(UUID value) {
        return value == null ? null : new LeadHistoryId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
