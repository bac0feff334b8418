package com.tentabo.prm.application.provider;

import java.util.Objects;

/**
 * An authentic webhook as the provider's adapter read it: {@code eventId} is the provider's id of the delivery or
 * event (the de-duplication key with the provider's name), {@code eventType} what it is about (e.g.
 * {@code lead.change}), {@code payloadJson} the body as JSON text.
 */
public record ParsedWebhook(String eventId, String eventType, String payloadJson) {
    public ParsedWebhook {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
