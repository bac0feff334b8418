package com.tentabo.prm.application.provider;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A webhook delivery as it arrived: the raw body (signatures are computed over these exact bytes, never over
 * re-serialised JSON), the request headers (names in lower case) and the sender's address.
 */
public record WebhookRequest(byte[] body, Map<String, String> headers, String ipAddress) {

    public WebhookRequest {
        Objects.requireNonNull(body, "body");
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        headers = java.util.Collections.unmodifiableMap(lower);
    }

    /** A header by name in any case, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The headers worth keeping with the stored event: all but credentials and signatures. */
    public Map<String, String> storableHeaders() {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (!WebhookEventRecord.isSecretHeader(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
