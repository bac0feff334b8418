package com.tentabo.prm.adapters.web.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens. Signed in, the token is derived from the session token (SHA-256 of a fixed label and the session
 * token, base64url): only someone who holds the HttpOnly session cookie can compute it, and it changes with every
 * session. Before sign-in, a random token in its own cookie is compared with the form's copy (double submit). Every
 * form carries it as {@value #FIELD}; htmx sends it as the {@value #HEADER} header.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    public static final String PRE_SESSION_COOKIE = "prm_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    public static String forSession(String sessionToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("prm-console-csrf:" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison; a missing or empty token never matches. */
    public static boolean matches(String expected, String presented) {
        if (expected == null || expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
