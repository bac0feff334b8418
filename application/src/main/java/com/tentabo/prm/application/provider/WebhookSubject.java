package com.tentabo.prm.application.provider;

import java.util.Objects;

/**
 * What a stored webhook is about, as its provider's adapter reads it: the kind of object ({@code lead}, {@code deal},
 * …), the object's id in the provider, and the action ({@code create}, {@code change}, {@code delete}); when the
 * delivery says them, who made the change ({@code changeSource}: Pipedrive's {@code app} for a person, {@code api}
 * for an integration — the PRM's own writes among them) and the object's change time in the provider
 * ({@code updatedAt}).
 */
public record WebhookSubject(
        String entity, String entityId, String action, String changeSource, java.time.Instant updatedAt) {
    /** The change source of a write made through the provider's API (the PRM's own write-backs among them). */
    public static final String API = "api";

    public static final String LEAD = "lead";
    public static final String QUOTE = "quote";
    public static final String DELETE = "delete";

    public WebhookSubject {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
    }

    public WebhookSubject(String entity, String entityId, String action) {
        this(entity, entityId, action, null, null);
    }
}
