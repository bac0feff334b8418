package com.tentabo.prm.application.provider;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice the billing provider issued for a quote, as any provider describes it: its id and number (null on a
 * draft), its raw status, whether it is paid or a draft, its amount including tax and what remains to be paid (exact),
 * its currency, its date and its deadline. Only {@code id} is always present.
 */
public record BillingInvoice(
        String id,
        String number,
        String status,
        Boolean paid,
        Boolean draft,
        BigDecimal amount,
        BigDecimal remaining,
        String currency,
        LocalDate date,
        LocalDate deadline) {
    public BillingInvoice {
        Objects.requireNonNull(id, "id");
    }
}
