package com.tentabo.prm.adapters.providers.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.domain.shared.DomainException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The scalar values at {@code pointers} ({@code /meta/id}) of a JSON object body, read in one pass of a streaming
     * parser without building a tree (the intake reads two or three values of each delivery): the whole body is read,
     * so a body that is not JSON, or holds more than one value, is VALIDATION_FAILED like {@link #object}.
     */
    public static Values values(byte[] body, List<String> pointers) {
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = JsonHttp.parser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw DomainException.invalid("body", "must be a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue()
                        && token != JsonToken.VALUE_NULL
                        && parser.getParsingContext().inObject()) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (pointers.contains(pointer)) {
                        found.put(pointer, parser.getText());
                    }
                }
                if (parser.getParsingContext().inRoot() && token == JsonToken.END_OBJECT) {
                    if (parser.nextToken() != null) {
                        throw DomainException.invalid("body", "is not JSON");
                    }
                    break;
                }
            }
        } catch (IOException notJson) {
            throw DomainException.invalid("body", "is not JSON");
        }
        return new Values(found);
    }

    /** What {@link #values} read: the text of each scalar (non-null) value found, by pointer. */
    public record Values(Map<String, String> byPointer) {

        /** The value's text, or {@code otherwise} when it is missing, null or not a scalar. */
        public String text(String pointer, String otherwise) {
            return byPointer.getOrDefault(pointer, otherwise);
        }

        /** A required text (or number) value, bounded in length, like {@link WebhookBodies#required}. */
        public String required(String pointer, int max) {
            String value = byPointer.get(pointer);
            if (value == null || value.isBlank()) {
                throw DomainException.invalid("body" + pointer.replace('/', '.'), "is required");
            }
            return bounded(pointer, value, max);
        }
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
        return bounded(pointer, value.asText(), max);
    }

    private static String bounded(String pointer, String value, int max) {
        String text = value.strip();
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
