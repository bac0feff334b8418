package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.application.provider.WebhookSubject;
import java.time.Instant;
import java.util.Optional;

/**
 * How one provider's webhooks are authenticated and read (Pipedrive: HTTP Basic auth; Pennylane: an HMAC signature).
 * Chosen by {@link #providerName()} matching the active {@code provider_configs} row named in the webhook's URL.
 */
public interface WebhookGateway {

    String providerName();

    /**
     * The delivery's id and type when it is authentic, else empty (wrong or missing credentials or signature, a
     * signature too old at {@code now}); never says why. An authentic delivery whose body is not what the provider
     * documents is a {@code VALIDATION_FAILED} {@link com.tentabo.prm.domain.shared.DomainException}.
     */
    Optional<ParsedWebhook> authenticate(ProviderSettings settings, WebhookRequest request, Instant now);

    /** What a stored event of this provider is about, or empty when it is about nothing the PRM follows. */
    Optional<WebhookSubject> subject(String eventType, String payloadJson);
}
