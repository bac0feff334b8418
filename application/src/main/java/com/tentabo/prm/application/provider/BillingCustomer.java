package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.id.CompanyId;
import java.util.Objects;

/**
 * The company a quote is addressed to (the order's partner, or its distributor when the order has no partner), as
 * the PRM stores it. {@code companyId} is the stable reference a billing provider keeps to find the customer again;
 * {@code billingCustomerId}, when known, is the provider's own id of that customer, stored the first time it was found
 * or created, so that it is not looked up again.
 */
public record BillingCustomer(
        CompanyId companyId,
        String name,
        String legalName,
        String registrationNumber,
        String email,
        String addressLine1,
        String addressLine2,
        String city,
        String postalCode,
        String country,
        String billingCustomerId) {
    public BillingCustomer {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(name, "name");
    }

    /** A company the billing provider has not been seen to know yet. */
    public BillingCustomer(
            CompanyId companyId,
            String name,
            String legalName,
            String registrationNumber,
            String email,
            String addressLine1,
            String addressLine2,
            String city,
            String postalCode,
            String country) {
        this(
                companyId,
                name,
                legalName,
                registrationNumber,
                email,
                addressLine1,
                addressLine2,
                city,
                postalCode,
                country,
                null);
    }

    /** The company of a stored profile, not yet known to the billing provider. */
    public static BillingCustomer of(CompanyId companyId, com.tentabo.prm.domain.company.CompanyProfile profile) {
        return new BillingCustomer(
                companyId,
                profile.name(),
                profile.legalName(),
                profile.registrationNumber(),
                profile.email(),
                profile.addressLine1(),
                profile.addressLine2(),
                profile.city(),
                profile.postalCode(),
                profile.country());
    }

    /** The same company with the provider's customer id found earlier (stored once, then reused). */
    public BillingCustomer withBillingCustomerId(String id) {
        return new BillingCustomer(
                companyId,
                name,
                legalName,
                registrationNumber,
                email,
                addressLine1,
                addressLine2,
                city,
                postalCode,
                country,
                id);
    }
}
