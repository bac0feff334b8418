package com.tentabo.prm.adapters.web.backoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.domain.shared.DomainException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as staff read it: stored JSON text (audit changes, sync errors, event payloads) turned into readable rows,
 * secret-named fields ({@link AuditEntry#isSecretField}) hidden at any depth; and a provider's settings read from, and
 * written into, the form's text area.
 */
public final class JsonView {

    static final String HIDDEN = "***";
    /** Longest value shown in a cell; the rest is cut with an ellipsis. */
    static final int MAX_VALUE = 300;
    /** Longest settings text read from a form (the use case allows 16 KB of JSON). */
    static final int MAX_SETTINGS = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private JsonView() {}

    /** One changed field: its value before and after ({@code null} when that side is absent). */
    public record Change(String field, String before, String after) {}

    /**
     * The rows of an audit entry's {@code changes}: {@code {"field": {"before": x, "after": y}}} as one row per field;
     * anything else the replaced system stored as one row per member (or one row for a non-object).
     */
    static List<Change> changes(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = COMPACT.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of(new Change("", null, cut(json)));
        }
        if (root == null || root.isNull()) {
            return List.of();
        }
        if (!root.isObject()) {
            return List.of(new Change("", null, text(hide(root))));
        }
        List<Change> rows = new ArrayList<>();
        root.properties().forEach(member -> {
            String field = member.getKey();
            JsonNode value = member.getValue();
            if (AuditEntry.isSecretField(field)) {
                rows.add(new Change(field, null, HIDDEN));
            } else if (value.isObject() && !value.isEmpty() && onlyBeforeAfter(value)) {
                rows.add(new Change(
                        field,
                        value.has("before") ? text(hide(value.get("before"))) : null,
                        value.has("after") ? text(hide(value.get("after"))) : null));
            } else {
                rows.add(new Change(field, null, text(hide(value))));
            }
        });
        return rows;
    }

    /** A stored JSON text in one readable line (secret-named members hidden), or null. */
    static String line(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = COMPACT.readTree(json);
            return node == null || node.isNull() ? null : text(hide(node));
        } catch (JsonProcessingException e) {
            return cut(json);
        }
    }

    /** A provider's settings for the form: indented JSON, secret-named members (legacy rows) hidden. */
    static String settings(Map<String, Object> configuration) {
        try {
            return JSON.writeValueAsString(hide(COMPACT.valueToTree(configuration)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings cannot be written as JSON", e);
        }
    }

    /** The settings typed in the form: a JSON object, as plain values (maps, lists, strings, exact numbers…). */
    static Map<String, Object> settings(String text, String field) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        if (text.length() > MAX_SETTINGS) {
            throw DomainException.invalid(field, "is too long");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid(field, "must be a JSON object, e.g. {\"base_url\": \"https://…\"}");
        }
        if (node == null || !node.isObject()) {
            throw DomainException.invalid(field, "must be a JSON object, e.g. {\"base_url\": \"https://…\"}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(node);
        return map;
    }

    private static boolean onlyBeforeAfter(JsonNode value) {
        List<String> names = new ArrayList<>();
        value.fieldNames().forEachRemaining(names::add);
        return names.stream().allMatch(n -> n.equals("before") || n.equals("after"));
    }

    private static JsonNode hide(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = COMPACT.createObjectNode();
            node.properties()
                    .forEach(m -> copy.set(
                            m.getKey(),
                            AuditEntry.isSecretField(m.getKey())
                                    ? COMPACT.getNodeFactory().textNode(HIDDEN)
                                    : hide(m.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = COMPACT.createArrayNode();
            node.forEach(item -> copy.add(hide(item)));
            return copy;
        }
        return node;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return cut(node.isValueNode() ? node.asText() : node.toString());
    }

    private static String cut(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return null;
    }
}
