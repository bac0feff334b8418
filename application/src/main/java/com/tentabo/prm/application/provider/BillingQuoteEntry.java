package com.tentabo.prm.application.provider;

import java.time.LocalDate;
import java.util.Objects;

/** A quote as the billing provider lists it, with its customer's id, its date and its deadline. */
public record BillingQuoteEntry(BillingQuote quote, String customerId, LocalDate date, LocalDate deadline) {
    public BillingQuoteEntry {
        Objects.requireNonNull(quote, "quote");
    }
}
