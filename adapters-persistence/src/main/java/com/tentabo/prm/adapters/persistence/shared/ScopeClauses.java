package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.domain.access.TenantScope;

import java.util.Map;

/** Turns a caller's {@link TenantScope} into a JPQL condition on an entity's partnerId/distributorId. */
public final class ScopeClauses {

    private ScopeClauses() {
    }

    /** The condition (starting with " and ") for alias {@code a}, adding its parameters to {@code params}. */
    public static String of(TenantScope scope, String alias, Map<String, Object> params) {
        if (scope instanceof TenantScope.OfPartner partner) {
            params.put("scopePartner", partner.partnerId());
            return " and " + alias + ".partnerId = :scopePartner";
        }
        if (scope instanceof TenantScope.OfDistributor distributor) {
            params.put("scopeDistributor", distributor.distributorId());
            if (distributor.assignedPartnerIds().isEmpty()) {
                return " and " + alias + ".distributorId = :scopeDistributor";
            }
            params.put("scopePartners", distributor.assignedPartnerIds());
            return " and (" + alias + ".distributorId = :scopeDistributor or " + alias + ".partnerId in :scopePartners)";
        }
        return "";
    }
}
