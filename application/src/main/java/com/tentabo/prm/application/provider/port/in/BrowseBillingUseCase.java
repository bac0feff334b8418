package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.BillingCompany;
import com.tentabo.prm.application.provider.BillingCustomerEntry;
import com.tentabo.prm.application.provider.BillingInvoiceEntry;
import com.tentabo.prm.application.provider.BillingQuoteEntry;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.OrderId;
import java.time.LocalDate;
import java.util.List;

/**
 * What the active billing provider holds (customers, invoices, quotes), read through it page by page, in the
 * caller's scope: a partner sees the records of its company's customer, a distributor those of its own and of its
 * actively assigned partners, staff everything. Each invoice and quote carries the order and contract it belongs to
 * when the PRM knows it.
 */
public interface BrowseBillingUseCase {

    /** The statuses an invoice filter accepts. */
    List<String> INVOICE_STATUSES = List.of("draft", "finalized");
    /** The statuses a quote filter accepts. */
    List<String> QUOTE_STATUSES = List.of("pending", "accepted", "denied", "invoiced", "expired");

    /** {@code status}: an invoice's ({@code draft}, {@code finalized}) or a quote's; dates are inclusive. */
    record Filter(String status, LocalDate dateFrom, LocalDate dateTo, String cursor, Integer limit) {}

    /** How an invoice is tied to its contract. */
    enum ContractLink {
        /** Through its quote: the contract of the order that issued the quote. */
        QUOTE,
        /** Attached to the contract by hand by staff. */
        MANUAL,
        /** Marked by staff as belonging to no contract. */
        NOT_CONTRACT_RELATED
    }

    /** A customer, with the company it stands for when the PRM recorded it (else null). */
    record CustomerView(String provider, BillingCustomerEntry customer, BillingCompany company) {}

    /** An invoice, with its order and contract when known ({@code link} null when neither is). */
    record InvoiceView(
            String provider, BillingInvoiceEntry entry, OrderId orderId, ContractId contractId, ContractLink link) {}

    /** A quote, with the order that issued it and that order's contract when there are. */
    record QuoteView(String provider, BillingQuoteEntry entry, OrderId orderId, ContractId contractId) {}

    Page<CustomerView> customers(Caller caller, Filter filter);

    Page<InvoiceView> invoices(Caller caller, Filter filter);

    /** One invoice; 404 {@code BILLING_INVOICE_NOT_FOUND} when the provider has none or it is outside the scope. */
    InvoiceView invoice(Caller caller, String invoiceId);

    Page<QuoteView> quotes(Caller caller, Filter filter);
}
