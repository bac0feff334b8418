package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a distributor company. */
public record DistributorId(UUID value) implements CompanyId {

    public DistributorId {
        Objects.requireNonNull(value, "DistributorId");
    }

    /** The id of an optional reference: null for null. */
    public static DistributorId ofNullable(UUID value) {
        return value == null ? null : new DistributorId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
