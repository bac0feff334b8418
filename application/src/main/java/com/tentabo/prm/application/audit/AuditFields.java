package com.tentabo.prm.application.audit;

import com.tentabo.prm.application.audit.AuditChange.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the {@link Field}s of an audit change from the before and after values of a record. */
public final class AuditFields {

    private AuditFields() {}

    /** Every field of a new record, set. */
    public static List<Field> created(Map<String, ?> after) {
        List<Field> fields = new ArrayList<>();
        after.forEach((field, value) -> fields.add(Field.set(field, value)));
        return fields;
    }

    /** Every field of a removed record, removed. */
    public static List<Field> deleted(Map<String, ?> before) {
        List<Field> fields = new ArrayList<>();
        before.forEach((field, value) -> fields.add(Field.removed(field, value)));
        return fields;
    }

    /** The fields of {@code after} whose value differs from {@code before}'s (decimals compared by value). */
    public static List<Field> diff(Map<String, ?> before, Map<String, ?> after) {
        List<Field> fields = new ArrayList<>();
        for (var entry : after.entrySet()) {
            Object old = before.get(entry.getKey());
            if (!Objects.equals(normalise(old), normalise(entry.getValue()))) {
                fields.add(Field.changed(entry.getKey(), old, entry.getValue()));
            }
        }
        return fields;
    }

    private static Object normalise(Object value) {
        return value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros() : value;
    }
}
