package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.domain.access.TenantScope;

import java.util.Map;

/**
 * Turns a caller's {@link TenantScope} into a condition on a record's partner and distributor: JPQL on an entity's
 * partnerId/distributorId ({@link #of}), or SQL on a table's partner_id/distributor_id ({@link #sql}).
 */
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

    /**
     * The SQL condition (starting with " AND ") on the {@code partner_id}/{@code distributor_id} columns of table alias
     * {@code t}, appending its positional parameters to {@code params} (a set of partners as a {@code uuid[]}).
     */
    public static String sql(TenantScope scope, String t, java.util.List<Object> params) {
        if (scope instanceof TenantScope.OfPartner partner) {
            params.add(partner.partnerId());
            return " AND " + t + ".partner_id = ?";
        }
        if (scope instanceof TenantScope.OfDistributor distributor) {
            params.add(distributor.distributorId());
            if (distributor.assignedPartnerIds().isEmpty()) {
                return " AND " + t + ".distributor_id = ?";
            }
            params.add(distributor.assignedPartnerIds().toArray(new java.util.UUID[0]));
            return " AND (" + t + ".distributor_id = ? OR " + t + ".partner_id = ANY (CAST(? AS uuid[])))";
        }
        return "";
    }
}
