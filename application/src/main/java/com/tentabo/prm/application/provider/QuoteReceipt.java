package com.tentabo.prm.application.provider;

import java.util.Map;
import java.util.Objects;

/**
 * What the billing provider answered: its quote id and number, and provider-specific facts worth keeping on the
 * order ({@code billing_metadata}: status, the provider's own totals, a mismatch with the PRM's totals, …), and the
 * provider's id of the customer the quote is addressed to, when it says.
 */
public record QuoteReceipt(String quoteId, String quoteNumber, Map<String, Object> metadata, String customerId) {
    public QuoteReceipt {
        Objects.requireNonNull(quoteId, "quoteId");
        metadata = metadata == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    public QuoteReceipt(String quoteId, String quoteNumber, Map<String, Object> metadata) {
        this(quoteId, quoteNumber, metadata, null);
    }
}
