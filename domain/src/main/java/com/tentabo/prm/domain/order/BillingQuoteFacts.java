package com.tentabo.prm.domain.order;

import java.math.BigDecimal;

/**
 * What the billing provider says of the order's quote ({@code orders.billing_metadata}): its status there
 * ({@code pending}, {@code accepted}, {@code denied}, {@code invoiced}, {@code expired} in Pennylane), its number, its
 * totals, whether its amount before tax is the order's ({@code totalsMatch}, null when unknown) and, when it is not,
 * the order's own amount before tax. Every member may be null (a legacy row, a provider that did not say).
 */
public record BillingQuoteFacts(
        String status,
        String quoteNumber,
        BigDecimal amountBeforeTax,
        BigDecimal amount,
        Boolean totalsMatch,
        BigDecimal prmAmountBeforeTax,
        String statusSyncedAt) {}
