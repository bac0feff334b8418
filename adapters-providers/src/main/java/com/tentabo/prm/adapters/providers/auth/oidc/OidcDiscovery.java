package com.tentabo.prm.adapters.providers.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.application.provider.ProviderFailure;
import java.util.Map;

/**
 * An OIDC provider's discovery document ({@code <issuer>/.well-known/openid-configuration}), fetched over https (plain
 * http only for a provider marked {@code "development": true}). Its {@code issuer} must equal the configured one
 * exactly (OpenID Connect Discovery 1.0 §4.3), else it is not used: a document served for another issuer cannot
 * supply keys or endpoints. Each endpoint it names is held to the same https rule when it is read.
 */
record OidcDiscovery(OidcSettings oidc, JsonNode document) {

    static OidcDiscovery fetch(JsonHttp http, OidcSettings oidc) {
        JsonNode document = http.get(
                new JsonHttp.Endpoint(oidc.issuer(), Map.of(), oidc.timeout(), null),
                OidcSettings.DISCOVERY_PATH,
                Map.of());
        if (!oidc.issuer().equals(JsonHttp.text(document, "issuer"))) {
            throw ProviderFailure.permanent(
                    "OIDC " + oidc.providerName() + " discovery document names another issuer than the configured one");
        }
        return new OidcDiscovery(oidc, document);
    }

    /** The endpoint the document names under {@code key}, an https URL (http only in development). */
    String endpoint(String key) {
        String url = JsonHttp.text(document, key);
        if (url == null) {
            throw ProviderFailure.permanent("OIDC " + oidc.providerName() + " discovery document has no " + key);
        }
        try {
            OidcSettings.httpUrl(key, url.strip(), oidc.development());
        } catch (IllegalArgumentException e) {
            throw ProviderFailure.permanent("OIDC " + oidc.providerName() + " discovery: " + e.getMessage());
        }
        return url.strip();
    }
}
