package com.tentabo.prm.adapters.providers.auth.oidc;

import com.tentabo.prm.application.provider.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The configuration of an OIDC auth provider, read from its {@code provider_configs} row on each exchange. A
 * configuration that cannot work throws {@link IllegalArgumentException} naming the key. ID tokens are verified with
 * the provider's public keys; the only credential, {@code client_secret}, is optional and only sent to the token endpoint
 * of the console's sign-in (a public client relies on PKCE alone).
 */
record OidcSettings(
        String providerName,
        String issuer,
        String clientId,
        String jwksUri,
        String usernameClaim,
        int clockSkewSeconds,
        Duration timeout,
        boolean development,
        String displayName,
        String scopes,
        String clientSecret) {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    @Override
    public String toString() {
        return "OidcSettings[providerName=" + providerName + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "none" : "(hidden)") + "]";
    }

    /**
     * Whether the active AUTH provider is an OIDC one: of {@code type} oidc, or, without a type, named {@code oidc} or
     * {@code …_oidc}.
     */
    static boolean isOidc(ProviderSettings settings) {
        String type = settings.setting("type", "").strip();
        return type.isEmpty() ? isOidcName(settings.name()) : "oidc".equalsIgnoreCase(type);
    }

    static boolean isOidcName(String providerName) {
        String name = providerName.strip().toLowerCase(Locale.ROOT);
        return name.equals("oidc") || name.endsWith("_oidc");
    }

    static OidcSettings of(ProviderSettings settings) {
        String issuer = settings.setting("issuer", null);
        if (issuer == null) {
            throw new IllegalArgumentException("issuer is missing");
        }
        issuer = issuer.strip();
        boolean development =
                "true".equalsIgnoreCase(settings.setting("development", "false").strip());
        httpUrl("issuer", issuer, development);
        String clientId = settings.setting("client_id", null);
        if (clientId == null) {
            throw new IllegalArgumentException("client_id is missing");
        }
        String jwksUri = settings.setting("jwks_uri", null);
        if (jwksUri != null) {
            jwksUri = jwksUri.strip();
            httpUrl("jwks_uri", jwksUri, development);
        }
        String usernameClaim = settings.setting("username_claim", null);
        return new OidcSettings(
                settings.name(),
                issuer,
                clientId.strip(),
                jwksUri,
                usernameClaim == null ? null : usernameClaim.strip(),
                number("clock_skew_seconds", settings.setting("clock_skew_seconds", "60"), 0, 600),
                Duration.ofSeconds(number("timeout_seconds", settings.setting("timeout_seconds", "5"), 1, 60)),
                development,
                label(settings.setting("display_name", settings.name())),
                settings.setting("scopes", "openid profile email").strip(),
                settings.credentials().get("client_secret"));
    }

    /** The provider's name on the sign-in button: at most 60 characters, no control characters. */
    private static String label(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= 60 ? clean : clean.substring(0, 60);
    }

    /**
     * An https URL (the keys that verify ID tokens must not be replaceable on the network); plain http only for a
     * provider marked {@code "development": true}.
     */
    static void httpUrl(String key, String value, boolean development) {
        String scheme;
        try {
            URI uri = URI.create(value);
            scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " is not an http(s) URL: " + value);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not an http(s) URL: " + value, e);
        }
        if (scheme.equals("http") && !development) {
            throw new IllegalArgumentException(key + " must be an https URL (plain http only for a provider marked "
                    + "\"development\": true): " + value);
        }
    }

    private static int number(String key, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ": " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a whole number: " + value, e);
        }
    }
}
