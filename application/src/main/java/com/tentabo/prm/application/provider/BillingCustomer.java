package com.tentabo.prm.application.provider;

import java.util.Objects;
import java.util.UUID;

/**
 * The company a quote is addressed to (the order's partner, or its distributor when the order has no partner), as
 * the PRM stores it. {@code companyId} is the stable reference a billing provider keeps to find the customer again.
 */
public record BillingCustomer(UUID companyId, String name, String legalName, String registrationNumber, String email,
                              String addressLine1, String addressLine2, String city, String postalCode,
                              String country) {
    public BillingCustomer {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
    }
}
