package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an integrator's webhook subscription. */
public record WebhookSubscriptionId(UUID value) implements EntityId {

    public WebhookSubscriptionId {
        Objects.requireNonNull(value, "WebhookSubscriptionId");
    }

    /** The id of an optional reference: null for null. */
    public static WebhookSubscriptionId ofNullable(UUID value) {
        return value == null ? null : new WebhookSubscriptionId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
