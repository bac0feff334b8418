package com.tentabo.prm.adapters.rest.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A JSON column (jsonb) as the database holds it, shown in an answer as JSON — numbers exact — with the values of
 * secret fields, at any depth, replaced by {@code "***"}.
 */
public final class JsonColumns {

    public static final String HIDDEN = "***";
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonColumns() {}

    /** @param secret which field names hide their value */
    public static JsonNode shown(String json, Predicate<String> secret) {
        if (json == null) {
            return null;
        }
        try {
            return redacted(READER.readTree(json), secret);
        } catch (JsonProcessingException e) {
            // jsonb always holds valid JSON; never show what could not be checked
            return TextNode.valueOf(HIDDEN);
        }
    }

    private static JsonNode redacted(JsonNode node, Predicate<String> secret) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                field.setValue(
                        secret.test(field.getKey()) ? TextNode.valueOf(HIDDEN) : redacted(field.getValue(), secret));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i), secret));
            }
        }
        return node;
    }
}
