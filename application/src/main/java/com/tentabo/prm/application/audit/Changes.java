package com.tentabo.prm.application.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@code changes} member of an audit entry as a map already in its JSON shape, for the services that do not
 * build {@link AuditChange.Field}s yet ({@link AuditFields} builds those); such a map is written as given.
 */
public final class Changes {

    private Changes() {}

    /** Every field of a new record, as {@code {"after": value}}. */
    public static Map<String, Object> created(Map<String, ?> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> changes.put(field, single("after", value)));
        return changes;
    }

    /** Every field of a removed record, as {@code {"before": value}}. */
    public static Map<String, Object> deleted(Map<String, ?> before) {
        Map<String, Object> changes = new LinkedHashMap<>();
        before.forEach((field, value) -> changes.put(field, single("before", value)));
        return changes;
    }

    /** Only the fields whose value differs, as {@code {"before": x, "after": y}}. */
    public static Map<String, Object> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (var entry : after.entrySet()) {
            Object old = before.get(entry.getKey());
            if (!Objects.equals(normalise(old), normalise(entry.getValue()))) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("before", jsonValue(old));
                pair.put("after", jsonValue(entry.getValue()));
                changes.put(entry.getKey(), pair);
            }
        }
        return changes;
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, jsonValue(value));
        return map;
    }

    private static Object normalise(Object value) {
        return value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros() : value;
    }

    private static Object jsonValue(Object value) {
        return AuditChange.Field.plain(value);
    }
}
