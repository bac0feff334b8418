package com.tentabo.prm.adapters.rest.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.EnumParams;
import com.tentabo.prm.adapters.rest.shared.JsonColumns;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase.CreateProviderCommand;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase.ProviderFilter;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase.UpdateProviderCommand;
import com.tentabo.prm.application.provider.port.in.SyncProviderUseCase;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Provider configurations (ADMIN; RESTRICTED_ADMIN reads). Credentials are write-only: answers carry only their
 * names ({@code credentials_set}). No {@code Idempotency-Key}: the body carries secrets (as for users, admin accounts
 * and API keys), and a retried create is a 409 {@code PROVIDER_EXISTS}, never a duplicate.
 */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "providers")
public class ProviderConfigResource {

    /** A body of POST. */
    public record CreateProviderBody(
            String providerType, String providerName, JsonNode configuration, JsonNode credentials, Boolean isActive) {}

    /** A body of PATCH: only {@code configuration} and {@code credentials} change; the others are refused. */
    public record UpdateProviderBody(
            JsonNode providerType,
            JsonNode providerName,
            JsonNode isActive,
            JsonNode configuration,
            JsonNode credentials) {}

    /** A provider as answered: never a credential value. */
    public record ProviderResponse(
            UUID id,
            String providerType,
            String providerName,
            boolean isActive,
            JsonNode configuration,
            List<String> credentialsSet,
            String healthStatus,
            Instant lastHealthCheck,
            String healthCheckError,
            Instant createdAt,
            Instant updatedAt) {
        static ProviderResponse of(ProviderConfig p) {
            return ProviderResponseMapper.INSTANCE.provider(p);
        }
    }

    /** A health check's answer: the provider as recorded after it, and what the provider said about its account. */
    public record HealthCheckResponse(ProviderResponse provider, Map<String, Object> account) {}

    /** Reads and writes JSON values exactly (decimals as BigDecimal), without the API's string decimals. */
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private final ManageProviderConfigsUseCase providers;
    private final SyncProviderUseCase sync;
    private final CallerContext callers;

    public ProviderConfigResource(
            ManageProviderConfigsUseCase providers, SyncProviderUseCase sync, CallerContext callers) {
        this.providers = providers;
        this.sync = sync;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listProviders",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary =
                    "Provider configurations, newest first; filters provider_type, is_active (ADMIN, RESTRICTED_ADMIN)")
    public PageResponse<ProviderResponse> list(
            @QueryParam("provider_type") String type,
            @QueryParam("is_active") String active,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        ProviderType providerType =
                type == null || type.isBlank() ? null : EnumParams.parse(ProviderType.class, "provider_type", type);
        return PageResponse.of(
                providers.list(
                        callers.require(),
                        new ProviderFilter(
                                providerType,
                                QueryParams.bool("is_active", active),
                                cursor,
                                QueryParams.integer("limit", limit))),
                ProviderResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getProvider",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "One provider configuration, with its ETag; credentials shown by name only")
    @APIResponseSchema(value = ProviderResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return withEtag(providers.get(callers.require(), new ProviderId(PathIds.uuid("id", id))));
    }

    @POST
    @Operation(
            operationId = "createProvider",
            description = "Who may call: ADMIN only.",
            summary = "Create a provider configuration (ADMIN); credentials are encrypted and never answered")
    @APIResponseSchema(value = ProviderResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(CreateProviderBody body) {
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        ProviderType type = EnumParams.parse(ProviderType.class, "provider_type", body.providerType());
        Map<String, Object> configuration =
                isAbsent(body.configuration()) ? null : object("configuration", body.configuration());
        Map<String, String> credentials = isAbsent(body.credentials()) ? null : credentials(body.credentials());
        ProviderConfig created = providers.create(
                callers.require(),
                new CreateProviderCommand(type, body.providerName(), configuration, credentials, body.isActive()));
        return Response.created(URI.create("/api/v1/providers/" + created.id()))
                .entity(ProviderResponse.of(created))
                .tag(Versions.of(created.updatedAt()))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            operationId = "updateProvider",
            description = "Who may call: ADMIN only.",
            summary = "Change a provider's configuration (replaced) or credentials (merged; null removes one) (ADMIN)")
    @APIResponseSchema(value = ProviderResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, UpdateProviderBody body) {
        ProviderId providerId = new ProviderId(PathIds.uuid("id", id));
        if (body == null) {
            throw DomainException.invalid("body", "is required");
        }
        List<FieldViolation> refused = new ArrayList<>();
        if (body.providerType() != null) {
            refused.add(new FieldViolation("provider_type", "cannot be changed: create another provider"));
        }
        if (body.providerName() != null) {
            refused.add(new FieldViolation("provider_name", "cannot be changed: create another provider"));
        }
        if (body.isActive() != null) {
            refused.add(new FieldViolation("is_active", "is changed with POST /activate or /deactivate"));
        }
        if (!refused.isEmpty()) {
            throw failed(refused);
        }
        Map<String, Object> configuration =
                body.configuration() == null ? null : object("configuration", body.configuration());
        Map<String, String> credentials = body.credentials() == null ? null : credentials(body.credentials());
        return withEtag(providers.update(
                callers.require(),
                providerId,
                new UpdateProviderCommand(configuration, credentials),
                Versions.ifMatch(ifMatch)));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(
            operationId = "activateProvider",
            description = "Who may call: ADMIN only.",
            summary = "Activate a provider; the active one of its type, if another, is deactivated (ADMIN)")
    @APIResponseSchema(value = ProviderResponse.class, responseCode = "200", responseDescription = "OK")
    public Response activate(@PathParam("id") String id) {
        return withEtag(providers.activate(callers.require(), new ProviderId(PathIds.uuid("id", id))));
    }

    @POST
    @Path("/{id}/health-check")
    @Operation(
            operationId = "checkProviderHealth",
            description = "Who may call: ADMIN only.",
            summary = "Call the provider with its stored credentials and record health_status (ADMIN)")
    public HealthCheckResponse healthCheck(@PathParam("id") String id) {
        ManageProviderConfigsUseCase.HealthCheck check =
                providers.checkHealth(callers.require(), new ProviderId(PathIds.uuid("id", id)));
        return new HealthCheckResponse(ProviderResponse.of(check.provider()), check.account());
    }

    @POST
    @Path("/{id}/sync")
    @Operation(
            operationId = "syncProvider",
            description = "Who may call: ADMIN only.",
            summary = "Sync an active provider (ADMIN): a CRM's leads changed since the last successful sync are "
                    + "queued for import; a billing provider's invoices replace each ACTIVE or EXPIRED contract's "
                    + "billing_invoices; answers the run as recorded in the sync logs")
    public SyncLogResource.SyncLogResponse sync(@PathParam("id") String id) {
        return SyncLogResource.SyncLogResponse.of(sync.sync(callers.require(), new ProviderId(PathIds.uuid("id", id))));
    }

    @POST
    @Path("/{id}/deactivate")
    @Operation(
            operationId = "deactivateProvider",
            description = "Who may call: ADMIN only.",
            summary = "Deactivate a provider (ADMIN)")
    @APIResponseSchema(value = ProviderResponse.class, responseCode = "200", responseDescription = "OK")
    public Response deactivate(@PathParam("id") String id) {
        return withEtag(providers.deactivate(callers.require(), new ProviderId(PathIds.uuid("id", id))));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteProvider",
            description = "Who may call: ADMIN only.",
            summary = "Delete an inactive provider without sync logs (else 409 PROVIDER_IN_USE) (ADMIN)")
    public Response delete(@PathParam("id") String id) {
        providers.delete(callers.require(), new ProviderId(PathIds.uuid("id", id)));
        return Response.noContent().build();
    }

    private static Response withEtag(ProviderConfig provider) {
        return Versions.ok(ProviderResponse.of(provider), provider.updatedAt());
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A JSON object as plain values (maps, lists, strings, exact numbers, booleans, null). */
    private static Map<String, Object> object(String field, JsonNode node) {
        if (!node.isObject()) {
            throw DomainException.invalid(field, "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(node);
        return map;
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            ((ObjectNode) node).properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return null;
    }

    /** Credentials: a JSON object whose values are strings (or null, which removes one in a PATCH). */
    private static Map<String, String> credentials(JsonNode node) {
        if (!node.isObject()) {
            throw DomainException.invalid("credentials", "must be a JSON object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        List<FieldViolation> problems = new ArrayList<>();
        ((ObjectNode) node).properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                map.put(field.getKey(), null);
            } else if (value.isTextual()) {
                map.put(field.getKey(), value.textValue());
            } else {
                String name = field.getKey().length() > 60 ? field.getKey().substring(0, 60) + "…" : field.getKey();
                problems.add(new FieldViolation(
                        "credentials." + name.replaceAll("\\p{Cntrl}", "?"),
                        "must be a string (or null to remove it)"));
            }
        });
        if (!problems.isEmpty()) {
            throw failed(problems);
        }
        return map;
    }

    /** The stored configuration as JSON, secret-named fields of legacy rows hidden. */
    static JsonNode shownConfiguration(Map<String, Object> configuration) {
        try {
            return JsonColumns.shown(PLAIN.writeValueAsString(configuration), AuditEntry::isSecretField);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored configuration cannot be written as JSON", e);
        }
    }

    private static DomainException failed(List<FieldViolation> problems) {
        return new DomainException(
                ErrorCode.VALIDATION_FAILED,
                problems.stream()
                        .map(p -> p.field() + ": " + p.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(""),
                problems);
    }
}
