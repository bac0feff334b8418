package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.BillingCompany;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.BillingInvoiceLinkId;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the PRM knows about a billing provider's records: which company each customer id is
 * ({@code billing_customers}), which order and contract each quote belongs to ({@code orders.billing_quote_id}), and
 * the invoices staff attached to a contract by hand or marked "not contract-related" ({@code billing_invoice_links}).
 * Provider names are compared in lower case.
 */
public interface BillingLinkRepository {

    /** The order that issued a quote, and the contract of that order when there is one. */
    record QuoteLink(OrderId orderId, String orderNumber, ContractId contractId, String contractNumber) {}

    /**
     * A decision of staff about an invoice: attached to {@code contractId}, or not contract-related ({@code contractId}
     * null). {@code decidedBy} is the user or admin account that made it.
     */
    record InvoiceLink(
            BillingInvoiceLinkId id,
            String providerName,
            String invoiceId,
            ContractId contractId,
            UserId decidedByUserId,
            AdminUserId decidedByAdminId,
            Instant decidedAt) {
        public boolean notContractRelated() {
            return contractId == null;
        }
    }

    /** The provider's customer ids of these companies (partners or distributors), those recorded. */
    List<String> customerIdsOf(String providerName, Collection<? extends CompanyId> companyIds);

    /** The companies of these customer ids, those the PRM recorded. */
    Map<String, BillingCompany> companiesOf(String providerName, Collection<String> customerIds);

    /** The order (and its contract) of each of these quote ids the PRM issued through the provider. */
    Map<String, QuoteLink> quoteLinks(String providerName, Collection<String> quoteIds);

    /** The decisions of staff about these invoices. */
    Map<String, InvoiceLink> invoiceLinks(String providerName, Collection<String> invoiceIds);

    /** The invoices of the provider staff attached to this contract by hand. */
    List<InvoiceLink> attachedTo(String providerName, ContractId contractId);

    /** The decision about the invoice, its row locked until the transaction ends (an advisory lock when none yet). */
    Optional<InvoiceLink> lock(String providerName, String invoiceId);

    /** Records (inserts or replaces) the decision about its invoice. */
    void save(InvoiceLink link);

    /** Forgets the decision about the invoice. */
    void delete(String providerName, String invoiceId);

    /** The contracts whose {@code billing_invoices} hold an invoice of this id from this provider. */
    List<ContractId> contractsHolding(String providerName, String invoiceId);
}
