package com.tentabo.prm.adapters.rest.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.NoStore;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.application.identity.port.in.ManageApiKeysUseCase;
import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.id.ApiKeyId;
import com.tentabo.prm.domain.identity.ApiKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class ApiKeysResource {

    public record CreateApiKeyRequest(
            @NotNull @Size(min = 1, max = 100) String name,
            @Size(max = 2) Set<ApiScope> scopes,
            Instant expiresAt) {}

    /** {@code key} is present only in the answer to the creation. */
    public record ApiKeyResponse(
            UUID id,
            String name,
            String prefix,
            @JsonInclude(JsonInclude.Include.NON_NULL) String key,
            List<ApiScope> scopes,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt,
            Instant createdAt) {
        static ApiKeyResponse of(ApiKey k, String secret) {
            return new ApiKeyResponse(
                    k.id().value(),
                    k.name(),
                    k.prefix(),
                    secret,
                    k.scopes().stream().sorted().toList(),
                    k.expiresAt(),
                    k.revokedAt(),
                    k.lastUsedAt(),
                    k.createdAt());
        }

        @Override
        public String toString() {
            return "ApiKeyResponse[id=" + id + ", prefix=" + prefix + "]";
        }
    }

    public record ApiKeyList(List<ApiKeyResponse> items) {}

    private final ManageApiKeysUseCase keys;
    private final CallerContext callers;

    public ApiKeysResource(ManageApiKeysUseCase keys, CallerContext callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @POST
    @Operation(
            operationId = "createApiKey",
            description = "Who may call: Any authenticated caller. The key is for the caller itself.",
            summary = "Create an API key for yourself; the key is in this answer only")
    @APIResponseSchema(value = ApiKeyResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid @NotNull CreateApiKeyRequest request) {
        ManageApiKeysUseCase.CreatedApiKey created = keys.create(
                callers.require(),
                new ManageApiKeysUseCase.CreateApiKeyCommand(request.name(), request.scopes(), request.expiresAt()));
        return NoStore.created(
                URI.create("/api/v1/auth/api-keys/" + created.key().id()),
                ApiKeyResponse.of(created.key(), created.secret()));
    }

    @GET
    @Operation(
            operationId = "listApiKeys",
            description = "Who may call: Any authenticated caller. Lists the caller's own keys.",
            summary = "Your API keys (never the keys themselves)")
    public ApiKeyList list() {
        return new ApiKeyList(keys.listOwn(callers.require()).stream()
                .map(k -> ApiKeyResponse.of(k, null))
                .toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "revokeApiKey",
            description =
                    "Who may call: Any authenticated caller. Revokes the caller's own key; an ADMIN may revoke anyone's.",
            summary = "Revoke one of your API keys (an ADMIN may revoke anyone's)")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(callers.require(), new ApiKeyId(PathIds.uuid("id", id)));
        return Response.noContent().build();
    }
}
