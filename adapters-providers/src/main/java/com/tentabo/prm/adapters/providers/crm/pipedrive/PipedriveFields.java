package com.tentabo.prm.adapters.providers.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pipedrive's custom fields of leads under their human names. A lead carries its custom fields as top-level keys that
 * are 40-character hashes (leads share the deals' fields); their names and options come from {@code GET /v1/dealFields}
 * (offset pages of 500), cached per account for {@value #TTL_MINUTES} minutes — read again sooner, at most once a
 * minute, when a lead carries a key the cache does not know (a field added meanwhile). An option field's value is
 * its option's label (a multiple-option field's, the list of labels); money and numbers are exact decimal text.
 */
final class PipedriveFields {

    static final long TTL_MINUTES = 10;
    /** A custom field's key: 40 lower-case hexadecimal digits. */
    private static final int KEY_LENGTH = 40;

    private static final int MAX_PAGES = 20;

    private record Field(String name, String type, Map<String, String> options) {}

    private record Cached(Map<String, Field> fields, Instant readAt) {}

    private final JsonHttp http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    PipedriveFields(JsonHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The lead's custom fields set to a value, by name; empty (and no call) when it has none. */
    Map<String, Object> named(JsonHttp.Endpoint endpoint, JsonNode lead) {
        List<String> keys = new ArrayList<>();
        lead.fieldNames().forEachRemaining(key -> {
            if (isCustomFieldKey(key) && !lead.get(key).isNull()) {
                keys.add(key);
            }
        });
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, Field> fields = fields(endpoint, keys);
        Map<String, Object> named = new LinkedHashMap<>();
        for (String key : keys) {
            Field field = fields.get(key);
            if (field != null) {
                named.put(field.name(), value(field, lead.get(key)));
            }
        }
        return named;
    }

    /**
     * Whether a lead's key names a custom field, as {@code [0-9a-f]{40}} would say: checked by hand, as it runs for
     * every key of every lead an import reads.
     */
    static boolean isCustomFieldKey(String key) {
        if (key.length() != KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < KEY_LENGTH; i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Field> fields(JsonHttp.Endpoint endpoint, List<String> keys) {
        String account = endpoint.baseUrl() + " "
                + Integer.toHexString(String.valueOf(endpoint.secret()).hashCode());
        Instant now = clock.instant();
        Cached cached = cache.get(account);
        boolean fresh = cached != null
                && cached.readAt().plus(Duration.ofMinutes(TTL_MINUTES)).isAfter(now);
        boolean missesOne = cached != null && !cached.fields().keySet().containsAll(keys);
        if (!fresh || missesOne && cached.readAt().plus(Duration.ofMinutes(1)).isBefore(now)) {
            cached = new Cached(read(endpoint), now);
            cache.put(account, cached);
        }
        return cached.fields();
    }

    private Map<String, Field> read(JsonHttp.Endpoint endpoint) {
        Map<String, Field> fields = new HashMap<>();
        int start = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("start", String.valueOf(start));
            query.put("limit", "500");
            JsonNode answer = http.get(endpoint, "/v1/dealFields", query);
            for (JsonNode item : answer.path("data")) {
                String key = JsonHttp.text(item, "key");
                String name = JsonHttp.text(item, "name");
                if (key == null || name == null) {
                    continue;
                }
                Map<String, String> options = new HashMap<>();
                for (JsonNode option : item.path("options")) {
                    options.put(option.path("id").asText(), JsonHttp.text(option, "label"));
                }
                fields.put(key, new Field(name, JsonHttp.text(item, "field_type"), options));
            }
            JsonNode pagination = answer.path("additional_data").path("pagination");
            if (!pagination.path("more_items_in_collection").asBoolean(false)
                    || answer.path("data").isEmpty()) {
                break;
            }
            start = pagination
                    .path("next_start")
                    .asInt(start + answer.path("data").size());
        }
        return fields;
    }

    private static Object value(Field field, JsonNode value) {
        if ("set".equals(field.type())) {
            List<Object> labels = new ArrayList<>();
            for (String id : value.asText().split(",")) {
                if (!id.isBlank()) {
                    labels.add(field.options().getOrDefault(id.strip(), id.strip()));
                }
            }
            return labels;
        }
        if ("enum".equals(field.type())) {
            return field.options().getOrDefault(value.asText(), value.asText());
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isObject()) {
            String text = JsonHttp.text(value, "value");
            return text != null ? text : JsonHttp.text(value, "name");
        }
        return value.asText();
    }
}
