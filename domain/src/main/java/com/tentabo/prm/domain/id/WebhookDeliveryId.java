package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of one event's delivery to one webhook subscription. */
public record WebhookDeliveryId(UUID value) implements EntityId {

    public WebhookDeliveryId {
        Objects.requireNonNull(value, "WebhookDeliveryId");
    }

    /** The id of an optional reference: null for null. */
    public static WebhookDeliveryId ofNullable(UUID value) {
        return value == null ? null : new WebhookDeliveryId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
