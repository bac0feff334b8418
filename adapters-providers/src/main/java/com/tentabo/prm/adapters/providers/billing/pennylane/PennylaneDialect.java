package com.tentabo.prm.adapters.providers.billing.pennylane;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.adapters.providers.http.ProviderDialect;
import java.net.http.HttpHeaders;
import java.time.Duration;

/** Pennylane errors are {@code {"error": "...", "status": 404}}; a 429 carries {@code retry-after} in seconds. */
final class PennylaneDialect implements ProviderDialect {

    @Override
    public String name() {
        return PennylaneBillingGateway.NAME;
    }

    @Override
    public String errorText(JsonNode body) {
        return JsonHttp.text(body, "error");
    }

    @Override
    public Duration retryAfter(int status, HttpHeaders headers) {
        return ProviderDialect.seconds(headers, "retry-after");
    }
}
