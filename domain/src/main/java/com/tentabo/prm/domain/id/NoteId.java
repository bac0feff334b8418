package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a note on an order or a contract. */
public record NoteId(UUID value) implements EntityId {

    public NoteId {
        Objects.requireNonNull(value, "NoteId");
    }

    /** The id of an optional reference: null for null. */
    public static NoteId ofNullable(UUID value) {
        return value == null ? null : new NoteId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
