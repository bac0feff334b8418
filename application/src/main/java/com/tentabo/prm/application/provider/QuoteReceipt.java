package com.tentabo.prm.application.provider;

import java.util.Map;
import java.util.Objects;

/**
 * What the billing provider answered: its quote id and number, and provider-specific facts worth keeping on the
 * order ({@code billing_metadata}: status, the provider's own totals, a mismatch with the PRM's totals, …).
 */
public record QuoteReceipt(String quoteId, String quoteNumber, Map<String, Object> metadata) {
    public QuoteReceipt {
        Objects.requireNonNull(quoteId, "quoteId");
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
