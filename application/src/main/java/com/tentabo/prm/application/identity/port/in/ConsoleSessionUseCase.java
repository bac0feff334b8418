package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.RequestOrigin;
import java.time.Instant;

/**
 * Sessions of the web console: after a successful {@link LoginUseCase} sign-in, an opaque random token (the cookie's
 * value) names a stored session; each request resolves it to the {@link Caller}, read afresh like any credential;
 * signing out revokes it at once. Only the token's SHA-256 hash is stored.
 */
public interface ConsoleSessionUseCase {

    /** The new session's token (it exists only in this answer and in the browser's cookie) and its end. */
    record StartedSession(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "StartedSession[expiresAt=" + expiresAt + "]";
        }
    }

    StartedSession start(LoginUseCase.LoginResult signedIn);

    /** The caller of a request carrying this session token; 401 UNAUTHENTICATED when unknown, expired or revoked. */
    Caller resolve(String token, RequestOrigin origin);

    /** Revokes the session (signing out); an unknown or already revoked token is ignored. */
    void end(String token);
}
