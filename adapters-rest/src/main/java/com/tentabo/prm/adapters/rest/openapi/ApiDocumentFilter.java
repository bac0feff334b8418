package com.tentabo.prm.adapters.rest.openapi;

import com.tentabo.prm.adapters.rest.problem.Problem;
import com.tentabo.prm.adapters.rest.problem.ProblemResponses;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.domain.shared.ErrorCode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Completes the scanned OpenAPI document at build time so that it is the contract of the wire, for every operation
 * under {@code /api/} (other paths, such as the web console, are left out):
 * <ul>
 *   <li>the bearer security scheme on every operation but the anonymous ones ({@link #ANONYMOUS});</li>
 *   <li>every error answer the operation can give, as {@code application/problem+json}, each status listing the
 *       {@code code} values of {@link ErrorCode} it carries;</li>
 *   <li>parameters typed and bounded by name ({@code id} and {@code …_id} are UUIDs, {@code limit} is the page size,
 *       {@code Idempotency-Key} and {@code If-Match} their header rules);</li>
 *   <li>the operation id, summary and description of the routes twin resources inherit
 *       ({@link InheritedOperations});</li>
 *   <li>an operationId and a tag where an operation has none;</li>
 *   <li>the schemas completed by {@link SchemaRules}, and info, servers and tags described by {@link ApiDescription}.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String API_PREFIX = "/api/";
    static final String SCHEME = "bearer";
    static final String PROBLEM = "Problem";
    static final String WEBHOOK_BASIC = "webhookBasic";
    static final String WEBHOOK_SIGNATURE = "webhookSignature";
    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

    /** Operations that take no bearer token: logins, and provider webhooks (authenticated the provider's way). */
    static final List<String> ANONYMOUS = List.of(
            "POST /api/v1/auth/login",
            "POST /api/v1/auth/oidc",
            "POST /api/v1/auth/invitations/",
            "POST /api/v1/webhooks/");

    /** The longest value of a query or header parameter: the service refuses a longer request line or header. */
    public static final int MAX_PARAMETER_LENGTH = 4096;

    /** The error answers: status → component name. */
    private static final Map<Integer, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put(400, "BadRequest");
        ERRORS.put(401, "Unauthorized");
        ERRORS.put(403, "Forbidden");
        ERRORS.put(404, "NotFound");
        ERRORS.put(406, "NotAcceptable");
        ERRORS.put(409, "Conflict");
        ERRORS.put(412, "PreconditionFailed");
        ERRORS.put(413, "PayloadTooLarge");
        ERRORS.put(415, "UnsupportedMediaType");
        ERRORS.put(422, "UnprocessableContent");
        ERRORS.put(429, "TooManyRequests");
        ERRORS.put(500, "InternalError");
        ERRORS.put(503, "ServiceUnavailable");
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            new ArrayList<>(api.getPaths().getPathItems().keySet())
                    .stream()
                            .filter(path -> !path.startsWith(API_PREFIX))
                            .forEach(path -> api.getPaths().removePathItem(path));
            InheritedOperations.describe(api);
        }
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSecurityScheme(
                SCHEME,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT or tnt_ API key")
                        .description(
                                "`Authorization: Bearer <token>`: an access token from `POST /api/v1/auth/login` (or "
                                        + "`/auth/oidc`), or an API key (`tnt_…`) from `POST /api/v1/auth/api-keys`."));
        components.addSecurityScheme(
                WEBHOOK_BASIC,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                                "Pipedrive webhooks: the provider's `webhook_username` / `webhook_password` credentials"));
        components.addSecurityScheme(
                WEBHOOK_SIGNATURE,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-Pennylane-Signature")
                        .description(
                                "Pennylane webhooks: HMAC-SHA256 of the body with the provider's `webhook_secret`"));
        api.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        components.addHeader(
                RATE_LIMIT,
                OASFactory.createHeader()
                        .description(
                                "The caller's remaining quota (IETF "
                                        + "RateLimit header field), sent when the service limits the rate of the caller's requests")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200)));
        components.addHeader(
                RATE_LIMIT_POLICY,
                OASFactory.createHeader()
                        .description("The quota policy applied to "
                                + "the caller (IETF RateLimit-Policy header field), sent with `RateLimit`")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200)));
        components.addSchema(PROBLEM, problemSchema());
        ERRORS.forEach((status, name) -> components.addResponse(name, errorResponse(status)));
        SchemaRules.complete(api);
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths()
                    .getPathItems()
                    .forEach((path, item) ->
                            item.getOperations().forEach((method, operation) -> complete(path, method, operation)));
        }
        ApiDescription.describe(api);
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        String signature = method.name() + " " + path;
        if (operation.getOperationId() == null) {
            operation.setOperationId(derivedOperationId(method, path));
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.setTags(List.of(path.substring("/api/v1/".length()).split("/")[0]));
        }
        boolean anonymous = ANONYMOUS.stream()
                .anyMatch(prefix -> prefix.endsWith("/") ? signature.startsWith(prefix) : signature.equals(prefix));
        if (signature.startsWith("POST /api/v1/webhooks/") && operation.getRequestBody() != null) {
            // the provider's event as it sends it: any JSON, checked by the webhook intake
            operation
                    .getRequestBody()
                    .setContent(
                            OASFactory.createContent()
                                    .addMediaType(
                                            "application/json",
                                            OASFactory.createMediaType()
                                                    .schema(
                                                            OASFactory.createSchema()
                                                                    .addType(Schema.SchemaType.OBJECT)
                                                                    .description(
                                                                            "The provider's event, as the provider sends it (at most 1 MiB)"))));
        }
        if (anonymous) {
            operation.setSecurity(
                    signature.startsWith("POST /api/v1/webhooks/")
                            ? List.of(
                                    OASFactory.createSecurityRequirement().addScheme(WEBHOOK_BASIC),
                                    OASFactory.createSecurityRequirement().addScheme(WEBHOOK_SIGNATURE))
                            : List.of());
        }
        boolean conditional = false;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                complete(parameter);
                conditional |= "If-Match".equalsIgnoreCase(parameter.getName());
            }
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (method == PathItem.HttpMethod.DELETE && ok != null && isEmpty(ok.getContent())) {
            // a delete answers 204 No Content
            responses.removeAPIResponse("200");
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted"));
        }
        Set<Integer> statuses = new TreeSet<>(List.of(400, 401, 403, 404, 406, 429, 500, 503));
        responses.getAPIResponses().keySet().stream()
                .filter(code -> code.matches("\\d{3}") && ERRORS.containsKey(Integer.parseInt(code)))
                .forEach(code -> statuses.add(Integer.parseInt(code)));
        if (operation.getRequestBody() != null) {
            statuses.add(415);
        }
        if (method != PathItem.HttpMethod.GET) {
            statuses.add(413);
            statuses.add(409);
            statuses.add(422);
        }
        if (conditional) {
            statuses.add(412);
        }
        for (int status : statuses) {
            String code = String.valueOf(status);
            APIResponse declared = responses.getAPIResponse(code);
            if (declared == null || isEmpty(declared.getContent())) {
                // an error declared for its description only (e.g. a 409 of a GET) gets the problem body too
                responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(ERRORS.get(status)));
            }
        }
        responses.getAPIResponses().forEach((code, response) -> describeSuccess(code, response, method));
    }

    /** Success answers name their headers: Location and ETag where the service sends them. */
    private static void describeSuccess(String code, APIResponse response, PathItem.HttpMethod method) {
        if (response.getRef() != null || !code.startsWith("2")) {
            return;
        }
        rateLimited(response);
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(
                    switch (code) {
                        case "201" -> "Created";
                        case "202" -> "Accepted";
                        case "204" -> "No content";
                        default -> "OK";
                    });
        }
        if ("201".equals(code)) {
            response.addHeader(
                    "Location",
                    header(
                            "The address of the record created (when it has one)",
                            OASFactory.createSchema()
                                    .addType(Schema.SchemaType.STRING)
                                    .format("uri-reference")
                                    .maxLength(2048)));
            response.addHeader(
                    "Idempotent-Replayed",
                    header(
                            "`true` when this answer replays the record a first "
                                    + "request with the same Idempotency-Key created",
                            OASFactory.createSchema()
                                    .addType(Schema.SchemaType.STRING)
                                    .addEnumeration("true")));
        }
        if (!"204".equals(code) && method != PathItem.HttpMethod.DELETE) {
            response.addHeader(
                    "ETag",
                    header(
                            "The record's version, for `If-Match` (records that have one)",
                            OASFactory.createSchema()
                                    .addType(Schema.SchemaType.STRING)
                                    .maxLength(64)
                                    .pattern("^(W/)?\"[0-9]{1,20}\"$")));
        }
    }

    private static void rateLimited(APIResponse response) {
        response.addHeader(RATE_LIMIT, OASFactory.createHeader().ref(RATE_LIMIT));
        response.addHeader(RATE_LIMIT_POLICY, OASFactory.createHeader().ref(RATE_LIMIT_POLICY));
    }

    private static boolean isEmpty(Content content) {
        return content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().values().stream()
                        .allMatch(media -> media.getSchema() == null
                                || (media.getSchema().getRef() == null
                                        && media.getSchema().getType() == null
                                        && media.getSchema().getProperties() == null));
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    /** Types and bounds of parameters by their name, the same for every operation. */
    private static void complete(Parameter parameter) {
        String name = parameter.getName();
        Schema schema = parameter.getSchema();
        if (schema == null || schema.getRef() != null) {
            return;
        }
        boolean array = schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY);
        Schema value = array ? schema.getItems() : schema;
        if (array) {
            schema.setMaxItems(schema.getMaxItems() == null ? 50 : schema.getMaxItems());
        }
        if (value == null) {
            return;
        }
        switch (name) {
            case "Idempotency-Key" -> {
                parameter.setDescription("Makes a retried create answer the record the first request created "
                        + "(docs: Idempotency); 1 to " + IdempotencyKey.MAX_LENGTH + " printable characters");
                value.type(List.of(Schema.SchemaType.STRING))
                        .minLength(1)
                        .maxLength(IdempotencyKey.MAX_LENGTH)
                        .pattern("^[^\\x00-\\x1F\\x7F]+$");
            }
            case "If-Match" -> {
                parameter.setDescription("The ETag of the version this change applies to; a stale one is 412 "
                        + "PRECONDITION_FAILED (`*` or no header: no check)");
                value.type(List.of(Schema.SchemaType.STRING)).maxLength(256);
            }
            case "limit" -> {
                parameter.setDescription("Page size, " + Cursor.MIN_LIMIT + "–" + Cursor.MAX_LIMIT + " (default "
                        + Cursor.DEFAULT_LIMIT + ")");
                value.type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32")
                        .maxLength(null)
                        .pattern(null)
                        .minimum(BigDecimal.valueOf(Cursor.MIN_LIMIT))
                        .maximum(BigDecimal.valueOf(Cursor.MAX_LIMIT))
                        .defaultValue(Cursor.DEFAULT_LIMIT);
            }
            case "cursor" -> {
                parameter.setDescription("The `next_cursor` of the previous page");
                value.type(List.of(Schema.SchemaType.STRING))
                        .maxLength(Cursor.MAX_LENGTH)
                        .pattern("^[A-Za-z0-9_-]+$");
            }
            default -> {
                if (isUuid(name)) {
                    SchemaRules.uuid(value);
                } else if (name.startsWith("is_") || "enabled".equals(name)) {
                    value.type(List.of(Schema.SchemaType.BOOLEAN))
                            .maxLength(null)
                            .pattern(null);
                } else if (value.getType() != null
                        && value.getType().contains(Schema.SchemaType.STRING)
                        && value.getMaxLength() == null
                        && value.getEnumeration() == null) {
                    value.setMaxLength(MAX_PARAMETER_LENGTH);
                }
            }
        }
        if (value.getType() != null && value.getType().contains(Schema.SchemaType.INTEGER)) {
            SchemaRules.boundInteger(value);
        }
    }

    /** {@code id} and {@code …_id} parameters are UUIDs, except the ids that providers give ({@code event_id}). */
    static boolean isUuid(String name) {
        return ("id".equals(name) || name.endsWith("_id")) && !"event_id".equals(name);
    }

    /** {@code createOrder}, {@code listOrders}, {@code getOrder}… from the method and path, for operations without one. */
    static String derivedOperationId(PathItem.HttpMethod method, String path) {
        List<String> literals = Arrays.stream(
                        path.substring("/api/v1/".length()).split("/"))
                .filter(s -> !s.startsWith("{"))
                .map(ApiDocumentFilter::pascal)
                .toList();
        boolean item = path.endsWith("}");
        String verb = switch (method) {
            case GET -> item ? "get" : "list";
            case POST -> "create";
            case PUT -> "replace";
            case PATCH -> "update";
            case DELETE -> "delete";
            default -> method.name().toLowerCase(Locale.ROOT);
        };
        StringBuilder id = new StringBuilder(verb);
        for (int i = 0; i < literals.size(); i++) {
            boolean last = i == literals.size() - 1;
            id.append(last && "list".equals(verb) ? literals.get(i) : singular(literals.get(i)));
        }
        return id.toString();
    }

    private static String pascal(String segment) {
        return Arrays.stream(segment.split("[-_]"))
                .filter(s -> !s.isEmpty())
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1))
                .collect(Collectors.joining());
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }

    private static Schema problemSchema() {
        Schema text =
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(10_000);
        Schema violation = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(500)
                                .description(
                                        "The field, as the client wrote it (`items[0].quantity`, `Idempotency-Key`)"))
                .addProperty(
                        "message",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(1000))
                .required(List.of("field", "message"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (" + Problem.MEDIA_TYPE + "). Branch on `code`, never on "
                        + "`detail`.")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200)
                                .example("urn:tentabo:problem:validation-failed"))
                .addProperty(
                        "title",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200)
                                .example("Validation failed"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", text.description("What went wrong, for a person to read"))
                .addProperty(
                        "code",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(64)
                                .pattern("^[A-Z][A-Z0-9_]*$")
                                .example("VALIDATION_FAILED")
                                .description(
                                        "The stable error code; each answer below lists the codes of its status. New codes "
                                                + "may be added: treat an unknown one by its HTTP status."))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .maxItems(1000)
                                .items(violation)
                                .description("Field violations (400 VALIDATION_FAILED, 422 INVALID_PRICE_TIERS…)"))
                .required(List.of("type", "title", "status", "code"));
    }

    private static APIResponse errorResponse(int status) {
        String codes = Arrays.stream(ErrorCode.values())
                .filter(code -> ProblemResponses.status(code.kind()) == status)
                .map(code -> "`" + code.name() + "`")
                .collect(Collectors.joining(", "));
        String what = switch (status) {
            case 400 -> "Malformed or invalid request (not JSON, a wrong type, an unknown field, a value out of range)";
            case 401 -> "No valid credentials (`WWW-Authenticate: Bearer`)";
            case 403 -> "The caller's role does not allow this";
            case 404 ->
                "No such record in the caller's scope (out of scope answers exactly as missing), or no such route";
            case 406 -> "The client does not accept application/json";
            case 409 -> "Conflicts with the record's current state";
            case 412 -> "`If-Match` names a version that is no longer current";
            case 413 ->
                "The request body is larger than the service accepts (1 MiB by default), refused before it is read";
            case 415 -> "The body is not application/json";
            case 422 -> "Breaks a business rule";
            case 429 -> "Too many attempts; retry after `Retry-After` seconds";
            case 500 -> "Unexpected error (logged; no detail is shown)";
            case 503 ->
                "The database or a provider is unavailable or busy; retry after `Retry-After` seconds when given";
            default -> "Error";
        };
        APIResponse response = OASFactory.createAPIResponse()
                .description(what + (codes.isEmpty() ? "" : ". Codes: " + codes + "."))
                .content(problemContent());
        response.addExtension(
                "x-error-codes",
                Arrays.stream(ErrorCode.values())
                        .filter(code -> ProblemResponses.status(code.kind()) == status)
                        .map(Enum::name)
                        .toList());
        rateLimited(response);
        if (status == 429 || status == 503) {
            response.addHeader(
                    "Retry-After",
                    header(
                            "Seconds to wait before retrying",
                            OASFactory.createSchema()
                                    .addType(Schema.SchemaType.INTEGER)
                                    .format("int32")
                                    .minimum(BigDecimal.ZERO)
                                    .maximum(BigDecimal.valueOf(86_400))));
        }
        if (status == 401) {
            response.addHeader(
                    "WWW-Authenticate",
                    header(
                            "`Bearer`",
                            OASFactory.createSchema()
                                    .addType(Schema.SchemaType.STRING)
                                    .maxLength(200)));
        }
        return response;
    }

    private static Content problemContent() {
        MediaType media =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    static Tag tag(String name, String description) {
        return OASFactory.createTag().name(name).description(description);
    }

    static SecurityRequirement bearer() {
        return OASFactory.createSecurityRequirement().addScheme(SCHEME);
    }
}
