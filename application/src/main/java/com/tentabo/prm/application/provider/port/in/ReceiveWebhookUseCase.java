package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Takes a provider's webhook delivery: authenticates it against the active provider of that name, stores it once per
 * (provider, event id), and acknowledges; processing comes later, apart from the request.
 */
public interface ReceiveWebhookUseCase {

    /** The stored event's id; {@code duplicate} when this event had been received before (nothing new stored). */
    record Receipt(WebhookEventId id, boolean duplicate) {}

    /**
     * Answers without blocking the calling thread: the receipt completes once the event's row is committed (never
     * before it is durable). Fails with a {@link com.tentabo.prm.domain.shared.DomainException}: UNAUTHENTICATED when
     * no active provider has this name, it takes no webhooks, or the delivery is not authentic (one answer for all
     * three); VALIDATION_FAILED for an authentic but malformed body; SERVICE_UNAVAILABLE when the provider's
     * credentials cannot be read.
     *
     * @param blocking where the work that must wait (reading the provider's settings from the database) runs; never
     *     the calling thread's own loop
     */
    CompletionStage<Receipt> receive(String providerName, WebhookRequest request, Executor blocking);
}
