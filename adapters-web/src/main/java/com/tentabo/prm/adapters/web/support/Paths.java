package com.tentabo.prm.adapters.web.support;

import java.util.regex.Pattern;

/** Addresses of the console, and the one rule for a "back to where you were" address (no open redirect). */
public final class Paths {

    public static final String HOME = "/ui";
    public static final String SIGN_IN = "/ui/sign-in";
    /** "Sign in with …" (the OIDC flow's start) and the provider's way back. */
    public static final String OIDC_SIGN_IN = "/ui/sign-in/oidc";

    public static final String OIDC_CALLBACK = "/ui/sign-in/oidc/callback";
    public static final String STATIC = "/ui/static/";
    /** The invitation (and reset) links' page: {@code /ui/invitations/{token}}, used before any session exists. */
    public static final String INVITATIONS = "/ui/invitations";
    /** The session cookie's scope. */
    public static final String COOKIE_PATH = "/ui";

    /** A local console address: {@code /ui} or below, no scheme, no host, no backslash, no control character. */
    private static final Pattern LOCAL =
            Pattern.compile("/ui(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?");

    private Paths() {}

    /** {@code candidate} when it is a console address, else the home page. */
    public static String local(String candidate) {
        if (candidate == null
                || candidate.length() > 2000
                || !LOCAL.matcher(candidate).matches()) {
            return HOME;
        }
        return candidate;
    }

    /** Where to go once signed in: {@code candidate} when it is a console page other than the sign-in page. */
    public static String afterSignIn(String candidate) {
        String local = local(candidate);
        return local.startsWith(SIGN_IN) ? HOME : local;
    }
}
