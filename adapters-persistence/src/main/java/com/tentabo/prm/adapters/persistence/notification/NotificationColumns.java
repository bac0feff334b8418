package com.tentabo.prm.adapters.persistence.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tentabo.prm.domain.access.PrincipalKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How notification tables spell principals and JSON columns. */
final class NotificationColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private NotificationColumns() {}

    static String kind(PrincipalKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static PrincipalKind kind(String column) {
        return PrincipalKind.valueOf(column.toUpperCase(Locale.ROOT));
    }

    /** A JSON object column as text values (numbers and booleans as their text; nested values as JSON). */
    static Map<String, String> textMap(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            JSON.readValue(json, MAP)
                    .forEach((name, value) -> values.put(
                            name, value == null ? null : value instanceof String text ? text : write(value)));
            return values;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** A JSON array column of strings (anything else reads as empty). */
    static List<String> textList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
