package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.RequestOrigin;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The console's "Sign in with …": the authorization-code flow with PKCE (S256) and a nonce, started here. Starting
 * answers where to send the browser and the flow to keep in the browser (a short-lived cookie: the state, the nonce,
 * the PKCE verifier, its end and the page to go back to); finishing takes the code and state the provider sent back
 * with that flow, refuses a state that is not the flow's, an expired flow or one already finished, then signs in
 * through {@link LoginUseCase#redeem} (the same rules as every sign-in).
 */
public interface OidcSignInUseCase {

    /** How long a started sign-in may take at the provider. */
    Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    /** The active OIDC provider's name for the sign-in button; empty when none is active. */
    Optional<String> providerLabel();

    /** Where to send the browser, and the flow it keeps ({@code flow} is secret: a cookie, never a page). */
    record Started(URI authorizationUri, String flow) {
        @Override
        public String toString() {
            return "Started[flow hidden]";
        }
    }

    /** Empty when no OIDC provider is active; SERVICE_UNAVAILABLE (retry later) when it cannot be reached. */
    Optional<Started> start(String redirectUri, String next);

    record FinishCommand(String code, String state, String flow, String redirectUri, RequestOrigin origin) {
        @Override
        public String toString() {
            return "FinishCommand[hidden]";
        }
    }

    /** The signed-in person, and the page the sign-in was started for. */
    record Finished(LoginUseCase.LoginResult signedIn, String next) {}

    /**
     * INVALID_CREDENTIALS when the flow is missing, expired, already finished or does not match the state, or when the
     * code or its ID token is refused; the refusals of {@link LoginUseCase} (pending, disabled, throttled) otherwise.
     */
    Finished finish(FinishCommand command);
}
