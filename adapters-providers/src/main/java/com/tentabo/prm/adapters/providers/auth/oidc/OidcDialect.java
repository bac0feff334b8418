package com.tentabo.prm.adapters.providers.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.adapters.providers.http.ProviderDialect;
import java.net.http.HttpHeaders;
import java.time.Duration;

/** How an OIDC provider answers errors: OAuth's {@code error} field, and {@code Retry-After}. */
record OidcDialect(String name) implements ProviderDialect {

    OidcDialect {
        name = "OIDC " + name;
    }

    @Override
    public String errorText(JsonNode body) {
        return JsonHttp.text(body, "error");
    }

    @Override
    public Duration retryAfter(int status, HttpHeaders headers) {
        return ProviderDialect.seconds(headers, "Retry-After");
    }
}
