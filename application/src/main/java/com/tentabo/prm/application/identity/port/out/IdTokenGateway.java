package com.tentabo.prm.application.identity.port.out;

import java.util.Optional;

/**
 * Verifies an OpenID Connect ID token that the active OIDC auth provider issued to a client app, and names the person
 * it vouches for. Like {@link AuthProviderGateway}, it never decides roles or whether the account may sign in.
 */
public interface IdTokenGateway {

    /**
     * The identity behind a valid ID token ({@link AuthProviderGateway.ProviderIdentity#provider()} is the active
     * provider's {@code provider_configs} name, {@code providerId} the token's {@code sub}); empty when no OIDC
     * provider is active or the token does not verify, whatever the reason (the adapter logs it, never the token).
     * An identity provider that cannot be reached (discovery or key set fetch failing) or an unusable configuration
     * throws a {@link com.tentabo.prm.domain.shared.RetryLaterException} with SERVICE_UNAVAILABLE.
     */
    Optional<AuthProviderGateway.ProviderIdentity> verify(String idToken);
}
