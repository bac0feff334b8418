package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a provider's synchronisation run ({@code provider_sync_logs}). */
public record SyncLogId(UUID value) implements EntityId {

    public SyncLogId {
        Objects.requireNonNull(value, "SyncLogId");
    }

    /** The id of an optional reference: null for null. */
    public static SyncLogId ofNullable(UUID value) {
        return value == null ? null : new SyncLogId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
