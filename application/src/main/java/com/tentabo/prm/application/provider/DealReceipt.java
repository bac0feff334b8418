package com.tentabo.prm.application.provider;

import java.util.Map;
import java.util.Objects;

/** What the CRM answered: its deal id and facts worth keeping on the order ({@code crm_metadata}). */
public record DealReceipt(String dealId, Map<String, Object> metadata) {
    public DealReceipt {
        Objects.requireNonNull(dealId, "dealId");
        metadata = metadata == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
