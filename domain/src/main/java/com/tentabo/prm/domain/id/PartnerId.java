package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a partner company. */
public record PartnerId(UUID value) implements CompanyId {

    public PartnerId {
        Objects.requireNonNull(value, "PartnerId");
    }

    /** The id of an optional reference: null for null. */
    public static PartnerId ofNullable(UUID value) {
        return value == null ? null : new PartnerId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
