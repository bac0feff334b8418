package com.tentabo.prm.application.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one audit row says happened: an action on an entity and the {@link Field}s it changed. The
 * {@link com.tentabo.prm.application.audit.service.AuditRecorder} records it with its author, id and time; how the
 * fields are spelled in the {@code changes} column is the persistence adapter's business.
 */
public record AuditChange(String action, String entityType, UUID entityId, List<Field> fields) {

    /** What a field's entry says about the field. */
    public enum Kind {
        /** A value the entity now has (a new entity's field): only {@code after}. */
        SET,
        /** A value the entity had (a removed entity's field): only {@code before}. */
        REMOVED,
        /** A value that changed: {@code before} and {@code after}, either may be null. */
        CHANGED,
        /** A value noted for context, not changed by the action (the lead of a lead's note): {@code after}. */
        NOTED,
        /** A secret field: its values are never recorded. */
        HIDDEN,
        /**
         * A value already in its JSON shape ({@code {"before": x, "after": y}}, a map, a list…), written as given:
         * what {@link Changes} builds for the services that do not build fields yet.
         */
        AS_GIVEN
    }

    /**
     * One field of an audit row. Values are JSON-friendly: null, a string, a boolean, an {@code Integer} or a
     * {@code Long}; decimals come as plain decimal strings, enums, ids and times as their strings.
     */
    public record Field(String name, Kind kind, Object before, Object after) {

        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (AuditEntry.isSecretField(name)) {
                kind = Kind.HIDDEN;
            }
            before = kind == Kind.REMOVED || kind == Kind.CHANGED ? plain(before) : null;
            if (kind == Kind.AS_GIVEN) {
                after = asGiven(after);
            } else {
                after = kind == Kind.SET || kind == Kind.CHANGED || kind == Kind.NOTED ? plain(after) : null;
            }
        }

        public static Field set(String name, Object after) {
            return new Field(name, Kind.SET, null, after);
        }

        public static Field removed(String name, Object before) {
            return new Field(name, Kind.REMOVED, before, null);
        }

        public static Field changed(String name, Object before, Object after) {
            return new Field(name, Kind.CHANGED, before, after);
        }

        public static Field noted(String name, Object value) {
            return new Field(name, Kind.NOTED, null, value);
        }

        private static Object asGiven(Object value) {
            if (value instanceof Map<?, ?> map) {
                return Collections.unmodifiableMap(new LinkedHashMap<>(map));
            }
            return value instanceof List<?> list ? Collections.unmodifiableList(new ArrayList<>(list)) : value;
        }

        /** JSON-friendly value: numbers as decimal strings where exactness matters, enums and ids as strings. */
        static Object plain(Object value) {
            if (value == null
                    || value instanceof String
                    || value instanceof Boolean
                    || value instanceof Integer
                    || value instanceof Long) {
                return value;
            }
            if (value instanceof java.math.BigDecimal decimal) {
                return decimal.toPlainString();
            }
            return value.toString();
        }
    }

    public AuditChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        fields = List.copyOf(fields); // the fields in the order given
    }

    /** A change whose fields are already in their JSON shape ({@link Changes}): each written as given. */
    public AuditChange(String action, String entityType, UUID entityId, Map<String, ?> changes) {
        this(action, entityType, entityId, asGiven(changes));
    }

    /** A new entity ({@code create}): every field set. */
    public static AuditChange created(String entityType, UUID entityId, Map<String, ?> fields) {
        return new AuditChange("create", entityType, entityId, AuditFields.created(fields));
    }

    /** A removed entity ({@code delete}): every field removed. */
    public static AuditChange deleted(String entityType, UUID entityId, Map<String, ?> fields) {
        return new AuditChange("delete", entityType, entityId, AuditFields.deleted(fields));
    }

    /** A changed entity: only the fields whose value differs. */
    public static AuditChange changed(
            String action, String entityType, UUID entityId, Map<String, ?> before, Map<String, ?> after) {
        return new AuditChange(action, entityType, entityId, AuditFields.diff(before, after));
    }

    /** The fields of a map already in its JSON shape, each written as given. */
    static List<Field> asGiven(Map<String, ?> changes) {
        List<Field> fields = new ArrayList<>();
        changes.forEach((name, value) -> fields.add(new Field(name, Kind.AS_GIVEN, null, value)));
        return fields;
    }

    /** This change with more fields after its own (a reason, the entity's parent). */
    public AuditChange with(Field... more) {
        List<Field> all = new ArrayList<>(fields);
        all.addAll(List.of(more));
        return new AuditChange(action, entityType, entityId, all);
    }

    /** This change under another action name ({@code lead.created} rather than {@code create}). */
    public AuditChange as(String otherAction) {
        return new AuditChange(otherAction, entityType, entityId, fields);
    }

    /** True when no field changed (nothing worth a row). */
    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
