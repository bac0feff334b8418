package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ContractId;

/**
 * Staff (ADMIN) tie an invoice of the active billing provider to a contract by hand, or mark it "not
 * contract-related", or forget that decision. The decision is kept in {@code billing_invoice_links}, audited, and the
 * provider sync never undoes it.
 */
public interface LinkBillingInvoiceUseCase {

    /**
     * Attaches the invoice to the contract ({@code contractId}), or marks it not contract-related; exactly one of
     * the two is asked for (else 400).
     */
    BrowseBillingUseCase.InvoiceView link(
            Caller caller, String invoiceId, ContractId contractId, boolean notContractRelated);

    /** Forgets the decision: the invoice goes back to the contract of its quote at the next sync. */
    void forget(Caller caller, String invoiceId);
}
