package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;

/**
 * The console's cookies: all {@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} when the request came over
 * HTTPS (directly or, behind a trusted proxy, as its forwarded headers say).
 */
public final class Cookies {

    /** The session token ({@code tcs_…}), scoped to {@code /ui}. */
    public static final String SESSION = "prm_session";

    /**
     * A started OIDC sign-in (state, nonce, PKCE verifier), scoped to {@code /ui/sign-in/oidc}. {@code SameSite=Lax},
     * the one exception: the provider sends the browser back by a cross-site navigation, which must carry it.
     */
    public static final String OIDC_FLOW = "prm_oidc";

    private Cookies() {}

    public static boolean secure(HttpServerRequest http) {
        return http != null && (http.isSSL() || "https".equalsIgnoreCase(http.scheme()));
    }

    public static NewCookie of(String name, String value, String path, Duration maxAge, boolean secure) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()))
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** The cookie of a session just started (signing in, setting or changing one's password), until the session ends. */
    public static NewCookie session(ConsoleSessionUseCase.StartedSession session, boolean secure) {
        return of(
                SESSION,
                session.token(),
                Paths.COOKIE_PATH,
                Duration.between(Instant.now(), session.expiresAt()),
                secure);
    }

    public static NewCookie oidcFlow(String flow, Duration maxAge, boolean secure) {
        return new NewCookie.Builder(OIDC_FLOW)
                .value(flow)
                .path(Paths.OIDC_SIGN_IN)
                .maxAge((int) maxAge.toSeconds())
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    public static NewCookie expired(String name, String path, boolean secure) {
        return new NewCookie.Builder(name)
                .value("")
                .path(path)
                .maxAge(0)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
