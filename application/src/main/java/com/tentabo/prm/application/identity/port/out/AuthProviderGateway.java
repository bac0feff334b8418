package com.tentabo.prm.application.identity.port.out;

import java.util.Optional;

/**
 * An auth provider that checks a username and password and names the person behind them ({@code database} now;
 * LDAP, OIDC and SAML later through the same port). A provider never decides roles: they live in {@code users}.
 */
public interface AuthProviderGateway {

    /** The provider's name as stored in {@code users.provider} (e.g. {@code database}, {@code ldap}). */
    String providerName();

    /** The identity behind the credentials, or empty when the provider does not know them. Never throws for bad credentials. */
    Optional<ProviderIdentity> authenticate(String username, String password);

    /** Who a provider says logged in. {@code providerId} is stable for that provider; the others are informative. */
    record ProviderIdentity(String provider, String providerId, String username, String email, String fullName) { }
}
