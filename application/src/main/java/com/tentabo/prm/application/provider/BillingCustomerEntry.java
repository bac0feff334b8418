package com.tentabo.prm.application.provider;

import java.util.List;
import java.util.Objects;

/**
 * A customer as the billing provider lists it: its id, name, kind ({@code company} / {@code individual} in
 * Pennylane), the {@code external_reference} the PRM gave it ({@code prm-company-<companyId>}) and its e-mails.
 */
public record BillingCustomerEntry(
        String id, String name, String customerType, String externalReference, List<String> emails) {
    public BillingCustomerEntry {
        Objects.requireNonNull(id, "id");
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
