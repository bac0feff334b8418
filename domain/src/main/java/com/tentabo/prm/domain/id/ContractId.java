package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a contract. */
public record ContractId(UUID value) implements EntityId {

    public ContractId {
        Objects.requireNonNull(value, "ContractId");
    }

    /** The id of an optional reference: null for null. */
    public static ContractId ofNullable(UUID value) {
        return value == null ? null : new ContractId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
