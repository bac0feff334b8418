package com.tentabo.prm.application.notification.port.out;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Calls integrators' webhook URLs: the target rules (scheme, address ranges) and the signed POST. */
public interface WebhookDeliveryGateway {

    /**
     * Why this service will not call the URL (not HTTPS outside dev, a host that resolves to a private, loopback,
     * link-local or otherwise non-public address not allowed by configuration), or empty when it may.
     */
    Optional<String> refusal(URI url);

    /**
     * POSTs the body, signed with the secret; never throws for the target's failure.
     *
     * @return what happened: {@code statusCode} null when no answer came
     */
    Outcome deliver(URI url, String secret, UUID eventId, String eventType, String body);

    record Outcome(boolean delivered, Integer statusCode, String error, Duration took, Optional<Duration> retryAfter) {}
}
