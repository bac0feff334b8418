package com.tentabo.prm.domain.access;

import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;

/** The tenant columns of a record ({@code partner_id}, {@code distributor_id}); either may be null. */
public record TenantRef(PartnerId partnerId, DistributorId distributorId) {
    public static TenantRef of(PartnerId partnerId, DistributorId distributorId) {
        return new TenantRef(partnerId, distributorId);
    }
}
