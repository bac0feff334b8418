package com.tentabo.prm.domain.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The billing provider's invoices of a contract ({@code contracts.billing_invoices}) as stored: one JSON object per
 * invoice ({@code id, number, status, paid, draft, amount, remaining, currency, date, deadline, provider}), written
 * only by the provider sync. Not part of the contract's version; no rule of the contract depends on them. A stored
 * value that is not a list of objects (rows of the old system) reads as {@link #NONE}.
 */
public record BillingInvoices(List<Map<String, Object>> items) {

    public static final BillingInvoices NONE = new BillingInvoices(List.of());

    public BillingInvoices {
        items = items == null
                ? List.of()
                : items.stream()
                        .map(item -> Collections.unmodifiableMap(new LinkedHashMap<>(item)))
                        .toList();
    }
}
