package com.tentabo.prm.application.provider;

import java.time.LocalDate;
import java.util.Set;

/**
 * One page of a billing provider's list (customers, invoices or quotes), as the PRM asks for it.
 *
 * @param customerIds only the records of these provider customer ids; null for every record (staff). Never empty:
 *                    a caller with no customer gets an empty page without a call
 * @param status      the provider's status of an invoice ({@code draft} / {@code finalized}) or a quote, or null
 * @param dateFrom    records dated on or after this day, or null
 * @param dateTo      records dated on or before this day, or null
 * @param cursor      the provider's own cursor of the next page, or null for the first one
 * @param limit       records wanted (the provider may give fewer: Pennylane gives at most 100 a page)
 */
public record BillingListQuery(
        Set<String> customerIds, String status, LocalDate dateFrom, LocalDate dateTo, String cursor, int limit) {
    public BillingListQuery {
        customerIds = customerIds == null ? null : Set.copyOf(customerIds);
    }
}
