package com.tentabo.prm.adapters.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.domain.shared.DomainException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** What every provider's webhook reading shares: a JSON object body, bounded ids, constant-time comparisons. */
public final class WebhookBodies {

    /** The sizes of {@code webhook_events.event_id} and {@code event_type}. */
    public static final int MAX_EVENT_ID = 255;

    public static final int MAX_EVENT_TYPE = 100;

    private WebhookBodies() {}

    /** The body as a JSON object, or VALIDATION_FAILED (only ever called on an authentic delivery). */
    public static JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = JsonHttp.parse(body);
        } catch (IOException notJson) {
            throw DomainException.invalid("body", "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        return root;
    }

    /** A required text (or integer) value at {@code pointer} ({@code /meta/id}), bounded in length. */
    public static String required(JsonNode root, String pointer, int max) {
        JsonNode value = root.at(pointer);
        if (value.isMissingNode()
                || value.isNull()
                || value.isContainerNode()
                || value.asText().isBlank()) {
            throw DomainException.invalid("body" + pointer.replace('/', '.'), "is required");
        }
        String text = value.asText().strip();
        if (text.length() > max) {
            throw DomainException.invalid("body" + pointer.replace('/', '.'), "is longer than " + max + " characters");
        }
        return text;
    }

    /** The event id and type of an authentic delivery, checked, with the body as JSON text. */
    public static ParsedWebhook parsed(String eventId, String eventType, byte[] body) {
        if (eventId.length() > MAX_EVENT_ID || eventType.length() > MAX_EVENT_TYPE) {
            throw DomainException.invalid("body", "event id or type too long");
        }
        return new ParsedWebhook(eventId, eventType, new String(body, StandardCharsets.UTF_8));
    }

    /** Equal texts, compared in time that does not depend on where they differ; false when either is null. */
    public static boolean sameSecret(String given, String expected) {
        if (given == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
