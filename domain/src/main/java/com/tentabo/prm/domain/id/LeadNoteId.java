package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a note on a lead. */
public record LeadNoteId(UUID value) implements EntityId {

    public LeadNoteId {
        Objects.requireNonNull(value, "LeadNoteId");
    }

    /** The id of an optional reference: null for null. */
    public static LeadNoteId ofNullable(UUID value) {
        return value == null ? null : new LeadNoteId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
