package com.tentabo.prm.domain.access;

import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import java.util.Set;

/** What a list query must be restricted to for a caller; adapters turn it into a WHERE clause. */
public sealed interface TenantScope {

    /** No restriction (admins, fulfillers). */
    record Everything() implements TenantScope {}

    /** Records whose {@code partner_id} is this partner. */
    record OfPartner(PartnerId partnerId) implements TenantScope {}

    /**
     * Records whose {@code partner_id} is a partner assigned to this distributor by an active assignment, and
     * records without a partner whose {@code distributor_id} is this distributor.
     */
    record OfDistributor(DistributorId distributorId, Set<PartnerId> assignedPartnerIds) implements TenantScope {
        public OfDistributor {
            assignedPartnerIds = Set.copyOf(assignedPartnerIds);
        }
    }
}
