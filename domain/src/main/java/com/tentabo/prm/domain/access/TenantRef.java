package com.tentabo.prm.domain.access;

import java.util.UUID;

/** The tenant columns of a record ({@code partner_id}, {@code distributor_id}); either may be null. */
public record TenantRef(UUID partnerId, UUID distributorId) {
    public static TenantRef of(UUID partnerId, UUID distributorId) {
        return new TenantRef(partnerId, distributorId);
    }
}
