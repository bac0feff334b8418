package com.tentabo.prm.application.identity.port.out;

import java.util.Optional;

/**
 * An auth provider that checks a username and password and names the person behind them ({@code database}, LDAP;
 * SAML later through the same port; OIDC ID tokens go through {@link IdTokenGateway}). A provider never decides roles:
 * they live in {@code users}.
 */
public interface AuthProviderGateway {

    /**
     * The provider's name (e.g. {@code database}, {@code ldap}). {@code users.provider} stores
     * {@link ProviderIdentity#provider()}, which a configurable provider sets to its {@code provider_configs} name.
     */
    String providerName();

    /**
     * The identity behind the credentials, or empty when the provider does not know them. Never throws for bad
     * credentials; a provider that cannot be asked (its directory unreachable or misconfigured) throws a
     * {@link com.tentabo.prm.domain.shared.RetryLaterException} with SERVICE_UNAVAILABLE, so that the user is told to
     * retry later rather than that the password is wrong.
     */
    Optional<ProviderIdentity> authenticate(String username, String password);

    /** Who a provider says logged in. {@code providerId} is stable for that provider; the others are informative. */
    record ProviderIdentity(String provider, String providerId, String username, String email, String fullName) {}
}
