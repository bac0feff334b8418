package com.tentabo.prm.adapters.rest.identity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.NoStore;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UsersResource {

    public record UserResponse(
            UUID id,
            String provider,
            String providerId,
            String username,
            String email,
            String fullName,
            Role role,
            boolean enabled,
            String status,
            Instant enabledAt,
            UUID partnerId,
            UUID distributorId,
            Instant createdAt,
            Instant updatedAt,
            Instant lastLogin) {
        static UserResponse of(UserAccount u) {
            return UserResponseMapper.INSTANCE.toResponse(u);
        }
    }

    public record CreateUserRequest(
            @Size(max = 50) String provider,
            @Size(max = 255) String providerId,
            @Size(max = 100) String username,
            @NotNull @Size(max = 255) String email,
            @Size(max = 255) String fullName,
            @NotNull Role role,
            UUID partnerId,
            UUID distributorId,
            @Size(max = 1024) String password,
            Boolean enabled) {
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", role=" + role + "]";
        }
    }

    /**
     * The created user and how its password gets set: {@code invitation} (the link is in {@code invitation}, shown
     * this once), {@code admin_invitation_required} (created by a RESTRICTED_ADMIN: an ADMIN issues the link with
     * {@code POST /api/v1/users/{id}/password-reset}) or {@code directory} (its provider keeps the password).
     */
    public record CreatedUserResponse(
            @JsonUnwrapped UserResponse user, String passwordSetup, InvitationLinks.InvitationResponse invitation) {}

    public record EnablementRequest(
            @NotNull Boolean enabled,
            @NotNull @Size(min = 1, max = 500) String reason) {}

    public record RoleRequest(@NotNull Role role, UUID partnerId, UUID distributorId) {}

    @Schema(name = "UserCompanyRequest")
    public record CompanyRequest(UUID partnerId, UUID distributorId) {}

    private final ManageUsersUseCase users;
    private final ManagePasswordsUseCase passwords;
    private final InvitationLinks links;
    private final CallerContext callers;

    public UsersResource(
            ManageUsersUseCase users, ManagePasswordsUseCase passwords, InvitationLinks links, CallerContext callers) {
        this.users = users;
        this.passwords = passwords;
        this.links = links;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listUsers",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (all); PARTNER and DISTRIBUTOR users their colleagues; FULFILLER: 403.",
            summary = "List users (admins: all; partner and distributor users: the users of their scope)")
    public PageResponse<UserResponse> list(
            @QueryParam("role") String role,
            @QueryParam("enabled") String enabled,
            @QueryParam("provider") String provider,
            @QueryParam("partner_id") String partnerId,
            @QueryParam("distributor_id") String distributorId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        var caller = callers.require();
        Page<UserAccount> page = users.list(
                caller,
                new ManageUsersUseCase.ListUsersQuery(
                        QueryParams.enumValue("role", role, Role.class),
                        QueryParams.bool("enabled", enabled),
                        provider == null || provider.isBlank() ? null : provider.trim(),
                        PartnerId.ofNullable(PathIds.optionalUuid("partner_id", partnerId)),
                        DistributorId.ofNullable(PathIds.optionalUuid("distributor_id", distributorId)),
                        cursor,
                        QueryParams.limit(limit)));
        return PageResponse.of(page, UserResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getUser",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN; PARTNER and DISTRIBUTOR users their colleagues.",
            summary = "Read one user")
    @APIResponseSchema(value = UserResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return withEtag(users.get(callers.require(), new UserId(PathIds.uuid("id", id))));
    }

    @POST
    @Operation(
            operationId = "createUser",
            description = "Who may call: ADMIN and RESTRICTED_ADMIN (RESTRICTED_ADMIN never grants ADMIN).",
            summary = "Pre-provision a user (a database user sets its own password through the invitation in "
                    + "the answer; a directory user needs a provider_id)")
    @APIResponseSchema(value = CreatedUserResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid @NotNull CreateUserRequest request, @Context UriInfo uri) {
        ManageUsersUseCase.CreatedUser created = users.createWithInvitation(
                callers.require(),
                new ManageUsersUseCase.CreateUserCommand(
                        request.provider(),
                        request.providerId(),
                        request.username(),
                        request.email(),
                        request.fullName(),
                        request.role(),
                        PartnerId.ofNullable(request.partnerId()),
                        DistributorId.ofNullable(request.distributorId()),
                        request.password(),
                        request.enabled()));
        UserAccount user = created.user();
        String setup = created.invitation() != null
                ? "invitation"
                : "database".equals(user.provider()) ? "admin_invitation_required" : "directory";
        return NoStore.created(
                URI.create("/api/v1/users/" + user.id()),
                new CreatedUserResponse(UserResponse.of(user), setup, links.of(created.invitation(), uri)));
    }

    @POST
    @Path("/{id}/password-reset")
    @Operation(
            operationId = "resetUserPassword",
            description = "Who may call: ADMIN only.",
            summary = "ADMIN: the database user's password stops working, its tokens and API keys are revoked, and "
                    + "a new invitation link is issued (shown once)")
    @APIResponseSchema(
            value = InvitationLinks.InvitationResponse.class,
            responseCode = "200",
            responseDescription = "OK")
    public Response resetPassword(@PathParam("id") String id, @Context UriInfo uri) {
        return NoStore.ok(
                links.of(passwords.resetUserPassword(callers.require(), new UserId(PathIds.uuid("id", id))), uri));
    }

    @PUT
    @Path("/{id}/enablement")
    @Operation(
            operationId = "setUserEnablement",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (RESTRICTED_ADMIN never changes an ADMIN nor itself).",
            summary = "Enable or disable a user, with a reason")
    @APIResponseSchema(value = UserResponse.class, responseCode = "200", responseDescription = "OK")
    public Response enablement(
            @PathParam("id") String id,
            @Valid @NotNull EnablementRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(users.setEnablement(
                callers.require(),
                new UserId(PathIds.uuid("id", id)),
                request.enabled(),
                request.reason(),
                Versions.ifMatch(ifMatch)));
    }

    @PUT
    @Path("/{id}/role")
    @Operation(
            operationId = "setUserRole",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (RESTRICTED_ADMIN never grants ADMIN, never changes an ADMIN nor itself).",
            summary = "Set a user's role (PARTNER and DISTRIBUTOR with their company)")
    @APIResponseSchema(value = UserResponse.class, responseCode = "200", responseDescription = "OK")
    public Response role(
            @PathParam("id") String id, @Valid @NotNull RoleRequest request, @HeaderParam("If-Match") String ifMatch) {
        return withEtag(users.setRole(
                callers.require(),
                new UserId(PathIds.uuid("id", id)),
                request.role(),
                PartnerId.ofNullable(request.partnerId()),
                DistributorId.ofNullable(request.distributorId()),
                Versions.ifMatch(ifMatch)));
    }

    @PUT
    @Path("/{id}/company")
    @Operation(
            operationId = "setUserCompany",
            description =
                    "Who may call: ADMIN and RESTRICTED_ADMIN (RESTRICTED_ADMIN never changes an ADMIN nor itself).",
            summary = "Set a user's company: partner_id for a PARTNER, distributor_id for a DISTRIBUTOR")
    @APIResponseSchema(value = UserResponse.class, responseCode = "200", responseDescription = "OK")
    public Response company(
            @PathParam("id") String id,
            @Valid @NotNull CompanyRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(users.setCompany(
                callers.require(),
                new UserId(PathIds.uuid("id", id)),
                PartnerId.ofNullable(request.partnerId()),
                DistributorId.ofNullable(request.distributorId()),
                Versions.ifMatch(ifMatch)));
    }

    private static Response withEtag(UserAccount user) {
        return Versions.ok(UserResponse.of(user), user.updatedAt());
    }
}
