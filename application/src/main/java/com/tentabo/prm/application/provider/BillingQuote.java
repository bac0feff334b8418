package com.tentabo.prm.application.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A quote as the billing provider holds it now: its status ({@code pending}, {@code accepted}, {@code denied},
 * {@code invoiced}, {@code expired} in Pennylane), its totals (exact) and when the provider last changed it.
 */
public record BillingQuote(
        String id,
        String number,
        String status,
        BigDecimal amountBeforeTax,
        BigDecimal amount,
        String currency,
        Instant updatedAt) {
    public BillingQuote {
        Objects.requireNonNull(id, "id");
    }
}
