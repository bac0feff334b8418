package com.tentabo.prm.application.registration.service;

import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.RegistrationSettings;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.CustomerIdentity;
import com.tentabo.prm.domain.registration.CustomerKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The conflict check of docs/registrations.md: another owner's open leads, live registrations and ACTIVE contracts
 * matched on the customer's keys (a public mail domain is never searched), in one database round trip.
 */
@ApplicationScoped
public class ConflictCheck {

    private final RegistrationRepository registrations;
    private final RegistrationSettings settings;

    public ConflictCheck(RegistrationRepository registrations, RegistrationSettings settings) {
        this.registrations = registrations;
        this.settings = settings;
    }

    /** Everything another owner holds that matches the customer. */
    public List<Match> matches(CustomerIdentity customer, TenantRef owner) {
        String domain =
                CustomerKeys.isPublic(customer.domainKey(), settings.publicMailDomains()) ? null : customer.domainKey();
        return matches(customer.organizationKey(), customer.registrationKey(), domain, owner);
    }

    /** Everything another owner holds that matches these keys (null or empty keys are not searched). */
    public List<Match> matches(String organizationKey, String registrationKey, String domainKey, TenantRef owner) {
        String domain = CustomerKeys.isPublic(domainKey, settings.publicMailDomains()) ? null : domainKey;
        return registrations.matches(new RegistrationRepository.CustomerSearch(
                organizationKey == null || organizationKey.isEmpty() ? null : organizationKey,
                registrationKey,
                domain,
                owner.partnerId(),
                owner.partnerId() == null ? owner.distributorId() : null,
                settings.similarityThreshold()));
    }

    /** The strongest finding for a new submission. */
    public ConflictKind kindOf(CustomerIdentity customer, TenantRef owner, Instant now) {
        return RegistrationService.kindOf(matches(customer, owner), now);
    }
}
