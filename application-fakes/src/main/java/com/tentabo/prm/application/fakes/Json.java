package com.tentabo.prm.application.fakes;

import java.util.Collection;
import java.util.Map;

/**
 * Renders the maps of audit changes as JSON text, as the persistence adapter stores them; a record (an outbox payload)
 * as an object of its components, by their Java names (the stored shape of a payload is the persistence adapter's).
 */
final class Json {

    private Json() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Record record) {
            Map<String, Object> components = new java.util.LinkedHashMap<>();
            for (java.lang.reflect.RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    components.put(component.getName(), component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            write(out, components);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                write(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ", ");
                first = false;
                write(out, item);
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
        } else {
            out.append('"');
            for (char c : value.toString().toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x20 ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : c);
                }
            }
            out.append('"');
        }
    }
}
