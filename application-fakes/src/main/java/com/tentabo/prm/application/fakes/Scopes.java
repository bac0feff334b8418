package com.tentabo.prm.application.fakes;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.access.TenantScope;

/** The tenant scope of a list, applied in memory as {@code ScopeClauses} applies it in SQL. */
final class Scopes {

    private Scopes() {}

    static boolean covers(TenantScope scope, TenantRef record) {
        if (scope instanceof TenantScope.OfPartner partner) {
            return partner.partnerId().equals(record.partnerId());
        }
        if (scope instanceof TenantScope.OfDistributor distributor) {
            boolean own =
                    record.partnerId() == null && distributor.distributorId().equals(record.distributorId());
            return own
                    || record.partnerId() != null
                            && distributor.assignedPartnerIds().contains(record.partnerId());
        }
        return true;
    }
}
