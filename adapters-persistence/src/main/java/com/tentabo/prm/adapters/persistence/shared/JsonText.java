package com.tentabo.prm.adapters.persistence.shared;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the plain values an audit entry's {@code changes} holds as JSON text for a {@code jsonb} column: maps,
 * lists, strings, numbers, booleans and null, as Jackson writes them (a {@code BigDecimal} as a number in plain
 * notation, an enum by name); any other value as the string of its {@code toString()}. {@code jsonb} keeps the
 * content, not the spelling, so the stored value is the one the entity mapping stored.
 */
public final class JsonText {

    private JsonText() {}

    public static String write(Object value) {
        StringBuilder json = new StringBuilder(256);
        write(json, value);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(first ? "" : ",");
                first = false;
                string(json, String.valueOf(entry.getKey()));
                json.append(':');
                write(json, entry.getValue());
            }
            json.append('}');
        } else if (value instanceof Iterable<?> items) {
            json.append('[');
            for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
                write(json, it.next());
                json.append(it.hasNext() ? "," : "");
            }
            json.append(']');
        } else if (value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            json.append(value);
        } else if (value instanceof BigDecimal decimal) {
            json.append(decimal.toPlainString());
        } else if ((value instanceof Double || value instanceof Float)
                && Double.isFinite(((Number) value).doubleValue())) {
            json.append(value);
        } else if (value instanceof Enum<?> constant) {
            string(json, constant.name());
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
