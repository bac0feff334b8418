package com.tentabo.prm.domain.id;

import java.util.UUID;

/** What every typed identifier is: the row's UUID under a name that says what it identifies. */
public interface EntityId {

    UUID value();

    /** The UUID of an optional reference: null for null. */
    static UUID uuid(EntityId id) {
        return id == null ? null : id.value();
    }
}
