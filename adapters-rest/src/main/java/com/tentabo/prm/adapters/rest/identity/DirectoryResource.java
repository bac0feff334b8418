package com.tentabo.prm.adapters.rest.identity;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.application.identity.port.in.ProvisionFromDirectoryUseCase;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.identity.UserAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The people of the active LDAP provider: search them and pre-provision one as an enabled user, so that their first
 * sign-in finds them approved (ADMIN and RESTRICTED_ADMIN; a RESTRICTED_ADMIN never grants ADMIN).
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class DirectoryResource {

    /** A person of the directory; {@code userId} is set when the person is a user already. */
    public record DirectoryPersonResponse(
            String providerId, String username, String email, String fullName, UUID userId) {
        static DirectoryPersonResponse of(ProvisionFromDirectoryUseCase.Person person) {
            return new DirectoryPersonResponse(
                    person.providerId(),
                    person.username(),
                    person.email(),
                    person.fullName(),
                    EntityId.uuid(person.userId()));
        }
    }

    /** {@code truncated}: the directory holds more people matching {@code q} than the {@code items} shown. */
    public record DirectorySearchResponse(String provider, List<DirectoryPersonResponse> items, boolean truncated) {}

    public record ProvisionRequest(
            @NotNull @Size(min = 1, max = 255) String providerId,
            @NotNull Role role,
            UUID partnerId,
            UUID distributorId) {}

    private final ProvisionFromDirectoryUseCase directory;
    private final CallerContext callers;

    public DirectoryResource(ProvisionFromDirectoryUseCase directory, CallerContext callers) {
        this.directory = directory;
        this.callers = callers;
    }

    @GET
    @Path("/directory")
    @Operation(
            operationId = "searchDirectory",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN.",
            summary = "Search the people of the active LDAP provider by a part of their username, name or e-mail "
                    + "(q: 2 to 100 characters; at most 25 shown, truncated when the directory holds more)")
    @APIResponseSchema(value = DirectorySearchResponse.class, responseCode = "200", responseDescription = "OK")
    @APIResponse(
            responseCode = "409",
            description = "DIRECTORY_NOT_CONFIGURED: no active AUTH provider is an LDAP "
                    + "directory, or its settings cannot work")
    public DirectorySearchResponse search(@QueryParam("q") String q) {
        ProvisionFromDirectoryUseCase.DirectoryPeople found = directory.search(callers.require(), q);
        return new DirectorySearchResponse(
                found.provider(),
                found.people().stream().map(DirectoryPersonResponse::of).toList(),
                found.truncated());
    }

    @POST
    @Path("/provision")
    @Operation(
            operationId = "provisionDirectoryUser",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN (RESTRICTED_ADMIN never grants ADMIN).",
            summary = "Pre-provision a person of the active LDAP provider, enabled, with a role and a company; "
                    + "username, e-mail and name come from the directory (409 DUPLICATE_VALUE when a user already)")
    @APIResponseSchema(value = UsersResource.UserResponse.class, responseCode = "201", responseDescription = "Created")
    public Response provision(@Valid @NotNull ProvisionRequest request) {
        UserAccount user = directory.provision(
                callers.require(),
                new ProvisionFromDirectoryUseCase.ProvisionCommand(
                        request.providerId(),
                        request.role(),
                        PartnerId.ofNullable(request.partnerId()),
                        DistributorId.ofNullable(request.distributorId())));
        return Response.created(URI.create("/api/v1/users/" + user.id()))
                .entity(UsersResource.UserResponse.of(user))
                .build();
    }
}
