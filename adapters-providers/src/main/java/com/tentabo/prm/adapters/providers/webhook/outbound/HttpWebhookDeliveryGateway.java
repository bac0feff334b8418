package com.tentabo.prm.adapters.providers.webhook.outbound;

import com.tentabo.prm.application.notification.port.out.WebhookDeliveryGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * POSTs a webhook delivery with the JDK HttpClient: JSON body, {@code Tentabo-Signature}, {@code Tentabo-Event-Id},
 * {@code Tentabo-Event-Type}; 5 s to connect, 10 s for the answer; redirects are not followed (a redirect could lead
 * to a refused address). A 2xx answer delivers; anything else is a failed attempt (429 and 503 with their
 * {@code Retry-After}). The answer's body is never read.
 */
@ApplicationScoped
public class HttpWebhookDeliveryGateway implements WebhookDeliveryGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebhookTargetRules rules;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public HttpWebhookDeliveryGateway(WebhookTargetRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Optional<String> refusal(URI url) {
        return rules.refusal(url);
    }

    @Override
    public Outcome deliver(URI url, String secret, UUID eventId, String eventType, String body) {
        Instant started = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Tentabo-PRM-Webhooks/1.0")
                .header("Tentabo-Event-Id", eventId.toString())
                .header("Tentabo-Event-Type", eventType)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, started.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            Duration took = Duration.between(started, clock.instant());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null, took, Optional.empty());
            }
            return new Outcome(false, status, "the target answered HTTP " + status, took, retryAfter(response));
        } catch (IOException e) {
            return new Outcome(
                    false,
                    null,
                    "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    Duration.between(started, clock.instant()),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(
                    false, null, "interrupted", Duration.between(started, clock.instant()), Optional.empty());
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(Math.min(seconds, 3600))) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
