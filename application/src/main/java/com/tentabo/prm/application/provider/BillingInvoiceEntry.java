package com.tentabo.prm.application.provider;

import java.util.Objects;

/** An invoice as the billing provider lists it, with its customer's id and the quote it was issued from (if any). */
public record BillingInvoiceEntry(BillingInvoice invoice, String customerId, String quoteId) {
    public BillingInvoiceEntry {
        Objects.requireNonNull(invoice, "invoice");
    }
}
