package com.tentabo.prm.adapters.persistence.shared;

import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.PartnerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a caller's {@link TenantScope} into a condition on a record's partner and distributor: JPQL on an entity's
 * partnerId/distributorId ({@link #of}), or SQL on a table's partner_id/distributor_id ({@link #sql}). A distributor's
 * scope is the records of its actively assigned partners plus its own records without a partner: a record of a
 * partner no longer assigned is out of scope whatever distributor it is stamped with.
 */
public final class ScopeClauses {

    private ScopeClauses() {}

    /** The condition (starting with " and ") for alias {@code a}, adding its parameters to {@code params}. */
    public static String of(TenantScope scope, String alias, Map<String, Object> params) {
        if (scope instanceof TenantScope.OfPartner partner) {
            params.put("scopePartner", partner.partnerId().value());
            return " and " + alias + ".partnerId = :scopePartner";
        }
        if (scope instanceof TenantScope.OfDistributor distributor) {
            params.put("scopeDistributor", distributor.distributorId().value());
            String own = alias + ".partnerId is null and " + alias + ".distributorId = :scopeDistributor";
            if (distributor.assignedPartnerIds().isEmpty()) {
                return " and " + own;
            }
            params.put("scopePartners", uuids(distributor.assignedPartnerIds()));
            return " and ((" + own + ") or " + alias + ".partnerId in :scopePartners)";
        }
        return "";
    }

    /**
     * The SQL condition (starting with " AND ") on the {@code partner_id}/{@code distributor_id} columns of table alias
     * {@code t}, appending its positional parameters to {@code params} (a set of partners as a {@code uuid[]}).
     */
    public static String sql(TenantScope scope, String t, List<Object> params) {
        if (scope instanceof TenantScope.OfPartner partner) {
            params.add(partner.partnerId().value());
            return " AND " + t + ".partner_id = ?";
        }
        if (scope instanceof TenantScope.OfDistributor distributor) {
            params.add(distributor.distributorId().value());
            String own = t + ".partner_id IS NULL AND " + t + ".distributor_id = ?";
            if (distributor.assignedPartnerIds().isEmpty()) {
                return " AND " + own;
            }
            params.add(uuids(distributor.assignedPartnerIds()).toArray(new UUID[0]));
            return " AND ((" + own + ") OR " + t + ".partner_id = ANY (CAST(? AS uuid[])))";
        }
        return "";
    }

    /** The UUIDs of a distributor's assigned partners, for a query parameter: one pass, once per query. */
    public static List<UUID> uuids(Set<PartnerId> partnerIds) {
        List<UUID> values = new ArrayList<>(partnerIds.size());
        for (PartnerId partnerId : partnerIds) {
            values.add(partnerId.value());
        }
        return values;
    }
}
