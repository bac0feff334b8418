package com.tentabo.prm.adapters.providers.billing.pennylane;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.WebhookBodies;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.application.provider.WebhookSubject;
import com.tentabo.prm.application.provider.port.out.WebhookGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pennylane webhooks (beta). {@code X-Pennylane-Signature: t=<unix seconds>,v1=<hex>} where v1 is
 * HMAC-SHA256(secret, {@code "<t>.<raw body>"}); the secret (credential {@code webhook_secret}) is the one Pennylane
 * shows once when the subscription is created. A signature more than five minutes from now is refused, so a captured
 * delivery cannot be replayed later. The event id is the body's {@code id} (the delivery id), the type its
 * {@code event}.
 */
@ApplicationScoped
public class PennylaneWebhooks implements WebhookGateway {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** What the intake reads of a delivery. */
    private static final List<String> READ = List.of("/id", "/event");

    @Override
    public String providerName() {
        return PennylaneBillingGateway.NAME;
    }

    @Override
    public Optional<ParsedWebhook> authenticate(ProviderSettings settings, WebhookRequest request, Instant now) {
        String secret = settings.credentials().get("webhook_secret");
        String header = request.header("x-pennylane-signature");
        if (secret == null || secret.isBlank() || header == null) {
            return Optional.empty();
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null
                || signature == null
                || !fresh(timestamp, now)
                || !WebhookBodies.sameSecret(
                        signature.toLowerCase(java.util.Locale.ROOT), sign(secret, timestamp, request.body()))) {
            return Optional.empty();
        }
        WebhookBodies.Values body = WebhookBodies.values(request.body(), READ);
        String eventId = body.required("/id", WebhookBodies.MAX_EVENT_ID);
        String eventType = body.required("/event", WebhookBodies.MAX_EVENT_TYPE);
        return Optional.of(WebhookBodies.parsed(eventId, eventType, request.body()));
    }

    /**
     * A quote event ({@code quote.<action>}, the quote's id at {@code data.id}) is about that quote: the worker reads
     * it again from Pennylane, so nothing else of the payload is relied on. Other events (e-invoicing statuses, …)
     * are about nothing the PRM follows.
     */
    @Override
    public Optional<WebhookSubject> subject(String eventType, String payloadJson) {
        if (eventType == null || !eventType.startsWith("quote.")) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = WebhookBodies.object(payloadJson.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        JsonNode id = body.at("/data/id");
        String action = eventType.substring("quote.".length());
        return id.isValueNode() && !id.isNull() && !id.asText().isBlank() && !action.isBlank()
                ? Optional.of(new WebhookSubject(
                        WebhookSubject.QUOTE,
                        id.asText().strip(),
                        action.endsWith("deleted") ? WebhookSubject.DELETE : action))
                : Optional.empty();
    }

    private static boolean fresh(String timestamp, Instant now) {
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(signedAt, now).abs().compareTo(TOLERANCE) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException notATime) {
            return false;
        }
    }

    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
