package com.tentabo.prm.domain.contract;

import com.tentabo.prm.domain.access.TenantRef;

/**
 * How a contract is sold, as the replaced system classified contracts ({@code contracts.contract_type}). A contract
 * this service activates takes the type of the contract it replaces when that one has a type; otherwise it is a
 * RESELLER contract when sold through a partner or a distributor, and OTHER (unclassified, the replaced system's own
 * default) when not. MSP and END_CUSTOMER are only ever read from legacy rows.
 */
public enum ContractType {
    MSP,
    RESELLER,
    END_CUSTOMER,
    OTHER;

    public static ContractType forActivation(TenantRef tenant, ContractType replacedContractType) {
        if (replacedContractType != null) {
            return replacedContractType;
        }
        return tenant != null && (tenant.partnerId() != null || tenant.distributorId() != null) ? RESELLER : OTHER;
    }
}
