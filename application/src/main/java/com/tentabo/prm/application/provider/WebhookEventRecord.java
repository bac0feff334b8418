package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Instant;
import java.util.Locale;

/**
 * One {@code webhook_events} row as stored: what a provider sent (payload and headers as the JSON text the row holds)
 * and what became of it.
 */
public record WebhookEventRecord(
        WebhookEventId id,
        String providerName,
        String providerType,
        String eventType,
        String eventId,
        String payloadJson,
        String status,
        Instant processedAt,
        String errorMessage,
        String ipAddress,
        String headersJson,
        Instant receivedAt) {

    /**
     * True for a request header that carries a credential or a signature ({@code Authorization}, {@code Cookie},
     * {@code X-Api-Key}, {@code X-Pipedrive-Signature}, …): its value is never shown.
     */
    public static boolean isSecretHeader(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization")
                || n.equals("proxy-authorization")
                || n.equals("cookie")
                || n.equals("set-cookie")
                || n.contains("signature")
                || n.contains("token")
                || n.contains("secret")
                || n.contains("api-key")
                || n.contains("apikey")
                || n.contains("password");
    }
}
