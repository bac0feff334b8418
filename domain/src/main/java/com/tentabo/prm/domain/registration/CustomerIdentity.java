package com.tentabo.prm.domain.registration;

import com.tentabo.prm.domain.shared.DomainException;
import java.util.Objects;

/**
 * The end customer as the partner registers it, with its normalised keys ({@link CustomerKeys}).
 *
 * @param organization       the organisation name as typed (1–255 characters)
 * @param registrationNumber SIREN, SIRET or VAT number as typed, or null
 * @param domain             web address or e-mail domain as typed, or null
 */
public record CustomerIdentity(
        String organization,
        String registrationNumber,
        String domain,
        String organizationKey,
        String registrationKey,
        String domainKey) {

    public CustomerIdentity {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(organizationKey, "organizationKey");
    }

    /** Validates the identifiers (400 naming the field) and computes their keys. */
    public static CustomerIdentity of(String organization, String registrationNumber, String domain) {
        if (organization == null || organization.isBlank()) {
            throw DomainException.invalid("organization", "must not be blank");
        }
        String name = organization.strip();
        if (name.length() > 255) {
            throw DomainException.invalid("organization", "must be at most 255 characters");
        }
        String number = blankToNull(registrationNumber);
        String site = blankToNull(domain);
        if (site != null && site.length() > 255) {
            throw DomainException.invalid("domain", "must be at most 255 characters");
        }
        String domainKey = CustomerKeys.domain(site);
        if (site != null && domainKey == null) {
            throw DomainException.invalid("domain", "must be a web address or an e-mail domain such as acme.example");
        }
        return new CustomerIdentity(
                name,
                number,
                site,
                CustomerKeys.organization(name),
                CustomerKeys.registrationNumber(number, "registration_number"),
                domainKey);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
