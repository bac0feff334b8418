package com.tentabo.prm.application.provider;

import java.util.Objects;

/**
 * What a stored webhook is about, as its provider's adapter reads it: the kind of object ({@code lead}, {@code deal},
 * …), the object's id in the provider, and the action ({@code create}, {@code change}, {@code delete}).
 */
public record WebhookSubject(String entity, String entityId, String action) {
    public static final String LEAD = "lead";
    public static final String QUOTE = "quote";
    public static final String DELETE = "delete";

    public WebhookSubject {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
    }
}
