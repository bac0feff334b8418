package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.ContractId;
import java.time.Instant;
import java.util.Optional;

/**
 * The billing provider's id of each company it bills ({@code billing_customers}), and its copy on the company's
 * contracts ({@code contracts.billing_customer_id}). Provider names are kept in lower case.
 */
public interface BillingCustomerRepository {

    /** The provider's id of the company (a partner or a distributor), when one was recorded. */
    Optional<String> find(String providerName, CompanyId companyId);

    /**
     * Records the provider's id of the company (its kind told by the id's) the first time (a later, different id leaves the first: the stored one
     * is what quotes reuse) and copies it onto the company's contracts billed by that provider that have none yet.
     * True when this call recorded it.
     */
    boolean remember(String providerName, CompanyId companyId, String customerId, Instant at);

    /** Copies the recorded id of the contract's company onto the contract, when there is one and it has none. */
    void stampContract(ContractId contractId);
}
