package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.DistributorId;

/** The company a billing provider's customer id stands for: a partner, or a distributor billed directly. */
public record BillingCompany(CompanyId companyId, String name) {

    /** Whether the customer is a distributor billed directly (else a partner). */
    public boolean distributor() {
        return companyId instanceof DistributorId;
    }
}
