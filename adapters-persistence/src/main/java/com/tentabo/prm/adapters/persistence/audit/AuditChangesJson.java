package com.tentabo.prm.adapters.persistence.audit;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.application.audit.AuditChange.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of an audit row's fields in {@code audit_logs.changes}, the one the rows have always had: an object
 * with a member per field, in the order given (a later field of the same name replaces an earlier one):
 *
 * <ul>
 *   <li>a field set (a new entity's) as {@code {"after": value}}, a field removed as {@code {"before": value}};
 *   <li>a changed field as {@code {"before": old, "after": new}} (either may be null);
 *   <li>a value noted for context (the lead of a lead's note) as {@code {"value": value}};
 *   <li>a secret field as the string {@code "***"}; a field already in its JSON shape as given.
 * </ul>
 */
public final class AuditChangesJson {

    private static final String HIDDEN = "***";

    private AuditChangesJson() {}

    /** The JSON text of the {@code changes} column, or null for a row without changes. */
    public static String write(List<Field> fields) {
        if (fields == null) {
            return null;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Field field : fields) {
            changes.put(field.name(), member(field));
        }
        return JsonText.write(changes);
    }

    private static Object member(Field field) {
        return switch (field.kind()) {
            case SET -> single("after", field.after());
            case REMOVED -> single("before", field.before());
            case CHANGED -> {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("before", field.before());
                pair.put("after", field.after());
                yield pair;
            }
            case NOTED -> single("value", field.after());
            case HIDDEN -> HIDDEN;
            case AS_GIVEN -> field.after();
        };
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put(key, value);
        return member;
    }
}
