package com.tentabo.prm.adapters.rest.openapi;

import com.tentabo.prm.adapters.rest.shared.JsonLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The schema side of the contract, applied to every schema of the document (docs/api.md, "The OpenAPI document"):
 * <ul>
 *   <li>decimals ({@code BigDecimal}, scanned as {@code number}) are decimal strings: a {@code pattern} with the digits
 *       their Bean Validation bounds allow ({@code @Digits}, {@code @DecimalMin}/{@code @DecimalMax}), else those of
 *       {@link JsonLimits}, which the JSON layer enforces for every decimal;</li>
 *   <li>integers carry the range of their Java type when nothing narrower is declared; strings a {@code maxLength}
 *       ({@link JsonLimits#MAX_STRING_LENGTH}, the JSON layer's, when nothing narrower is declared); arrays of answers
 *       a {@code maxItems};</li>
 *   <li>enum values are written as on the wire, in lower case; UUIDs and timestamps are inline {@code format: uuid}
 *       and {@code format: date-time}; free JSON values ({@code JsonNode}) are any JSON;</li>
 *   <li>every property that is not required, but {@code id} and {@code items}, is nullable (the JSON layer reads
 *       {@code null} as "not given" and writes absent values as {@code null}); in answers {@code id},
 *       {@code created_at}, {@code updated_at}, {@code version} and derived totals are read-only.</li>
 * </ul>
 */
final class SchemaRules {

    static final int UUID_LENGTH = 36;
    /** The longest ISO-8601 timestamp this API writes or reads ({@code +999999999-12-31T23:59:59.999999999+18:00}). */
    static final int TIMESTAMP_LENGTH = 40;
    /** The most items of a list in an answer: lists are pages of at most 200, or the small lists of one record. */
    static final int MAX_ANSWER_ITEMS = 10_000;

    static final Set<String> READ_ONLY = Set.of(
            "id",
            "created_at",
            "updated_at",
            "version",
            "subtotal",
            "discount_amount",
            "tax_amount",
            "total_amount",
            "total",
            "total_value");
    private static final Set<String> NEVER_NULL = Set.of("id", "items");
    private static final Set<String> INLINED = Set.of(
            "UUID",
            "Instant",
            "LocalDate",
            "OffsetDateTime",
            "JsonNode",
            "JsonNodeType",
            "ObjectNode",
            "ArrayNode",
            "YearMonth");

    private SchemaRules() {}

    static void complete(OpenAPI api) {
        Map<String, Schema> components = api.getComponents().getSchemas() == null
                ? Map.of()
                : new LinkedHashMap<>(api.getComponents().getSchemas());
        Set<String> answers = new HashSet<>();
        forEachOperationSchema(api, true, schema -> {
            collectRefs(schema, components, answers);
            return schema;
        });
        Set<String> requests = new HashSet<>();
        forEachOperationSchema(api, false, schema -> {
            collectRefs(schema, components, requests);
            return schema;
        });
        components.forEach((name, schema) -> {
            if (INLINED.contains(name) || ApiDocumentFilter.PROBLEM.equals(name)) {
                return;
            }
            api.getComponents()
                    .addSchema(name, visit(schema, answers.contains(name) && !requests.contains(name), false));
        });
        forEachOperationSchema(api, true, schema -> visit(schema, true, false));
        forEachOperationSchema(api, false, schema -> visit(schema, false, false));
        INLINED.forEach(name -> {
            if (api.getComponents().getSchemas() != null
                    && api.getComponents().getSchemas().containsKey(name)) {
                api.getComponents().removeSchema(name);
            }
        });
    }

    /** Visits the schemas of answers ({@code answers}) or of requests and parameters, replacing each by what comes back. */
    private static void forEachOperationSchema(OpenAPI api, boolean answers, Function<Schema, Schema> visitor) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (answers) {
                        if (operation.getResponses() != null
                                && operation.getResponses().getAPIResponses() != null) {
                            for (APIResponse response :
                                    operation.getResponses().getAPIResponses().values()) {
                                visitContent(response.getContent(), visitor);
                            }
                        }
                        return;
                    }
                    if (operation.getRequestBody() != null) {
                        visitContent(operation.getRequestBody().getContent(), visitor);
                    }
                    if (operation.getParameters() != null) {
                        for (Parameter parameter : operation.getParameters()) {
                            if (parameter.getSchema() != null) {
                                parameter.setSchema(visitor.apply(parameter.getSchema()));
                            }
                        }
                    }
                }));
    }

    private static void visitContent(Content content, Function<Schema, Schema> visitor) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getSchema() != null) {
                media.setSchema(visitor.apply(media.getSchema()));
            }
        }
    }

    private static void collectRefs(Schema schema, Map<String, Schema> components, Set<String> into) {
        if (schema == null) {
            return;
        }
        String ref = refName(schema);
        if (ref != null) {
            if (into.add(ref)) {
                collectRefs(components.get(ref), components, into);
            }
            return;
        }
        children(schema).forEach(child -> collectRefs(child, components, into));
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            children.add(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                children.addAll(group);
            }
        }
        return children;
    }

    private static String refName(Schema schema) {
        String ref = schema.getRef();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /**
     * The schema completed; {@code answer} when it only describes answers, {@code nullable} when its property may be
     * null. Returns the schema to use in its place (a reference to an inlined type becomes the inline schema).
     */
    static Schema visit(Schema schema, boolean answer, boolean nullable) {
        String ref = refName(schema);
        if (ref != null) {
            Schema inline = switch (ref) {
                case "UUID" -> uuid(OASFactory.createSchema());
                case "Instant", "OffsetDateTime" -> timestamp(OASFactory.createSchema());
                case "LocalDate" ->
                    OASFactory.createSchema()
                            .addType(SchemaType.STRING)
                            .format("date")
                            .maxLength(10);
                case "YearMonth" ->
                    OASFactory.createSchema()
                            .addType(SchemaType.STRING)
                            .maxLength(7)
                            .pattern("^[0-9]{4}-[0-9]{2}$")
                            .example("2026-03");
                case "JsonNode", "ObjectNode", "ArrayNode" ->
                    OASFactory.createSchema().description("Any JSON value");
                default -> null;
            };
            if (inline == null) {
                return schema;
            }
            if (nullable && inline.getType() != null) {
                inline.addType(SchemaType.NULL);
            }
            return inline;
        }
        List<SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(SchemaType.NUMBER)
                && !"float".equals(schema.getFormat())
                && !"double".equals(schema.getFormat())) {
            decimal(schema);
        } else if (types.contains(SchemaType.INTEGER)) {
            boundInteger(schema);
        } else if (types.contains(SchemaType.STRING)) {
            if (schema.getEnumeration() != null) {
                schema.setEnumeration(schema.getEnumeration().stream()
                        .map(v -> v instanceof String s && s.equals(s.toUpperCase(Locale.ROOT))
                                ? s.toLowerCase(Locale.ROOT)
                                : v)
                        .toList());
            } else if ("date-time".equals(schema.getFormat())) {
                timestamp(schema);
            } else if ("uuid".equals(schema.getFormat())) {
                uuid(schema);
            } else if (schema.getMaxLength() == null) {
                schema.setMaxLength(JsonLimits.MAX_STRING_LENGTH);
            }
        } else if (types.contains(SchemaType.ARRAY)) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(MAX_ANSWER_ITEMS);
            }
            if (schema.getItems() != null) {
                schema.setItems(visit(schema.getItems(), answer, false));
            }
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            schema.setAdditionalPropertiesSchema(visit(schema.getAdditionalPropertiesSchema(), answer, false));
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> {
                boolean mayBeNull = !NEVER_NULL.contains(name)
                        && (schema.getRequired() == null
                                || !schema.getRequired().contains(name));
                Schema completed = visit(property, answer, mayBeNull);
                // a reference (an enum, a nested record) stays a plain reference: OpenAPI 3.0 cannot mark it nullable
                // without a wrapper that generators turn into worse types
                if (mayBeNull
                        && completed.getRef() == null
                        && completed.getType() != null
                        && !completed.getType().contains(SchemaType.NULL)) {
                    completed.addType(SchemaType.NULL);
                }
                if (answer && READ_ONLY.contains(name) && completed.getRef() == null) {
                    completed.setReadOnly(true);
                }
                properties.put(name, completed);
            });
            schema.setProperties(properties);
        }
        return schema;
    }

    static Schema uuid(Schema schema) {
        return schema.type(new ArrayList<>(List.of(SchemaType.STRING)))
                .format("uuid")
                .maxLength(UUID_LENGTH)
                .pattern(null)
                .example(null);
    }

    private static Schema timestamp(Schema schema) {
        return schema.type(new ArrayList<>(List.of(SchemaType.STRING)))
                .format("date-time")
                .maxLength(TIMESTAMP_LENGTH)
                .examples(null)
                .example("2026-03-01T09:30:00Z");
    }

    /** An integer without declared bounds takes those of its Java type (what the JSON layer accepts). */
    static void boundInteger(Schema schema) {
        boolean int64 = "int64".equals(schema.getFormat());
        if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
            schema.setMinimum(BigDecimal.valueOf(int64 ? Long.MIN_VALUE : Integer.MIN_VALUE));
        }
        if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
            schema.setMaximum(BigDecimal.valueOf(int64 ? Long.MAX_VALUE : Integer.MAX_VALUE));
        }
    }

    /**
     * A decimal becomes a decimal string: its pattern allows the digits its bounds allow ({@code @Digits} gives the
     * decimals as {@code multipleOf}, {@code @DecimalMax}/{@code @DecimalMin} the integer digits), else the
     * {@link JsonLimits} every decimal is read within.
     */
    private static void decimal(Schema schema) {
        int fraction = schema.getMultipleOf() == null
                ? JsonLimits.MAX_FRACTION_DIGITS
                : Math.max(0, schema.getMultipleOf().stripTrailingZeros().scale());
        BigDecimal min = schema.getMinimum() != null ? schema.getMinimum() : schema.getExclusiveMinimum();
        BigDecimal max = schema.getMaximum() != null ? schema.getMaximum() : schema.getExclusiveMaximum();
        int integer = JsonLimits.MAX_INTEGER_DIGITS;
        if (min != null && max != null) {
            BigDecimal widest = min.abs().max(max.abs()).setScale(0, RoundingMode.DOWN);
            integer = Math.max(1, widest.precision());
        }
        boolean negative = min == null || min.signum() < 0;
        StringBuilder description =
                new StringBuilder(schema.getDescription() == null ? "" : schema.getDescription() + " ");
        description.append("A decimal string (exact; never a binary floating-point number)");
        if (min != null || max != null) {
            description
                    .append(", from ")
                    .append(min == null ? "-∞" : min.toPlainString())
                    .append(" to ")
                    .append(max == null ? "∞" : max.toPlainString());
        }
        description.append('.');
        String pattern = "^" + (negative ? "-?" : "") + "\\d{1," + integer + "}"
                + (fraction > 0 ? "(\\.\\d{1," + fraction + "})?" : "") + "$";
        String example = max != null && max.compareTo(BigDecimal.valueOf(100)) <= 0 ? "20" : "9720";
        if (fraction > 0) {
            example += "." + "0".repeat(Math.min(fraction, 2));
        }
        List<SchemaType> types = new ArrayList<>(List.of(SchemaType.STRING));
        if (schema.getType().contains(SchemaType.NULL)) {
            types.add(SchemaType.NULL);
        }
        schema.type(types)
                .format(null)
                .multipleOf(null)
                .minimum(null)
                .maximum(null)
                .exclusiveMinimum(null)
                .exclusiveMaximum(null)
                .pattern(pattern)
                .maxLength((negative ? 1 : 0) + integer + (fraction > 0 ? 1 + fraction : 0))
                .example(example)
                .description(description.toString());
    }
}
