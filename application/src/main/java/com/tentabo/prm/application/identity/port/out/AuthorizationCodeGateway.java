package com.tentabo.prm.application.identity.port.out;

import java.net.URI;
import java.util.Optional;

/**
 * The browser sign-in through the active OpenID Connect provider (the authorization-code flow with PKCE): where to
 * send the browser, and redeeming the code it brings back. The ID token is verified as {@link IdTokenGateway} verifies
 * one, and its {@code nonce} must equal the one this sign-in sent. Like the other auth ports, it never decides roles
 * or whether the account may sign in.
 */
public interface AuthorizationCodeGateway {

    /** The active OIDC provider as the sign-in page names it ({@code display_name}, else its name); no network call. */
    record SignInProvider(String label) {}

    /** What one sign-in sends to the provider's authorization endpoint. */
    record AuthorizationRequest(String redirectUri, String state, String nonce, String codeChallenge) {
        @Override
        public String toString() {
            return "AuthorizationRequest[redirectUri=" + redirectUri + "]";
        }
    }

    /** What the browser brought back, and what this sign-in kept to redeem it. */
    record Redemption(String code, String redirectUri, String codeVerifier, String nonce) {
        @Override
        public String toString() {
            return "Redemption[redirectUri=" + redirectUri + "]";
        }
    }

    /** The active OIDC provider; empty when none is active (or it cannot be used: the reason is logged). */
    Optional<SignInProvider> signInProvider();

    /**
     * The provider's authorization endpoint (from its discovery document, whose {@code issuer} must be the configured
     * one) with the request's parameters; empty when no OIDC provider is active. A provider that cannot be reached
     * throws a {@link com.tentabo.prm.domain.shared.RetryLaterException} (SERVICE_UNAVAILABLE).
     */
    Optional<URI> authorizationUri(AuthorizationRequest request);

    /**
     * Redeems the code at the provider's token endpoint (with the PKCE verifier) and verifies the ID token it answers,
     * its {@code nonce} included; empty when the code, the answer or the token is refused (the adapter logs why, never
     * a code or a token). A provider that cannot be reached throws a {@link com.tentabo.prm.domain.shared.RetryLaterException}.
     */
    Optional<AuthProviderGateway.ProviderIdentity> redeem(Redemption redemption);
}
