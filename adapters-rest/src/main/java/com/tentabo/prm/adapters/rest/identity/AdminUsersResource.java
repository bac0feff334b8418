package com.tentabo.prm.adapters.rest.identity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.shared.NoStore;
import com.tentabo.prm.adapters.rest.shared.PageResponse;
import com.tentabo.prm.adapters.rest.shared.PathIds;
import com.tentabo.prm.adapters.rest.shared.QueryParams;
import com.tentabo.prm.adapters.rest.shared.Versions;
import com.tentabo.prm.application.identity.port.in.ManageAdminUsersUseCase;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.identity.AdminUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin-users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin-users")
public class AdminUsersResource {

    /** Never the password hash. */
    public record AdminUserResponse(
            UUID id,
            String username,
            String email,
            String fullName,
            boolean active,
            Instant createdAt,
            Instant updatedAt,
            Instant lastLogin) {
        static AdminUserResponse of(AdminUser a) {
            return new AdminUserResponse(
                    a.id().value(),
                    a.username(),
                    a.email(),
                    a.fullName(),
                    a.active(),
                    a.createdAt(),
                    a.updatedAt(),
                    a.lastLogin());
        }
    }

    public record CreateAdminUserRequest(
            @NotNull @Size(max = 100) String username,
            @NotNull @Size(max = 255) String email,
            @Size(max = 255) String fullName,
            @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "CreateAdminUserRequest[username=" + username + "]";
        }
    }

    public record UpdateAdminUserRequest(
            @Size(max = 255) String email,
            @Size(max = 255) String fullName,
            @Size(max = 1024) String password,
            Boolean active) {
        @Override
        public String toString() {
            return "UpdateAdminUserRequest[email=" + email + ", active=" + active + "]";
        }
    }

    /** The created account and the invitation link through which its owner sets the password (shown this once). */
    public record CreatedAdminUserResponse(
            @JsonUnwrapped AdminUserResponse admin, InvitationLinks.InvitationResponse invitation) {}

    private final ManageAdminUsersUseCase admins;
    private final ManagePasswordsUseCase passwords;
    private final InvitationLinks links;
    private final CallerContext callers;

    public AdminUsersResource(
            ManageAdminUsersUseCase admins,
            ManagePasswordsUseCase passwords,
            InvitationLinks links,
            CallerContext callers) {
        this.admins = admins;
        this.passwords = passwords;
        this.links = links;
        this.callers = callers;
    }

    @GET
    @Operation(
            operationId = "listAdminUsers",
            description = "Who may call: ADMIN only.",
            summary = "List admin accounts (ADMIN)")
    public PageResponse<AdminUserResponse> list(
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Page<AdminUser> page = admins.list(callers.require(), cursor, QueryParams.limit(limit));
        return PageResponse.of(page, AdminUserResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAdminUser",
            description = "Who may call: ADMIN only.",
            summary = "Read one admin account (ADMIN)")
    @APIResponseSchema(value = AdminUserResponse.class, responseCode = "200", responseDescription = "OK")
    public Response get(@PathParam("id") String id) {
        return withEtag(admins.get(callers.require(), new AdminUserId(PathIds.uuid("id", id))));
    }

    @POST
    @Operation(
            operationId = "createAdminUser",
            description = "Who may call: ADMIN only.",
            summary =
                    "Create an admin account (ADMIN); its owner sets the password through the invitation in the answer")
    @APIResponseSchema(value = CreatedAdminUserResponse.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid @NotNull CreateAdminUserRequest request, @Context UriInfo uri) {
        ManageAdminUsersUseCase.CreatedAdminUser created = admins.createWithInvitation(
                callers.require(),
                new ManageAdminUsersUseCase.CreateAdminUserCommand(
                        request.username(), request.email(), request.fullName(), request.password()));
        return NoStore.created(
                URI.create("/api/v1/admin-users/" + created.admin().id()),
                new CreatedAdminUserResponse(
                        AdminUserResponse.of(created.admin()), links.of(created.invitation(), uri)));
    }

    @POST
    @Path("/{id}/password-reset")
    @Operation(
            operationId = "resetAdminUserPassword",
            description = "Who may call: ADMIN only.",
            summary = "ADMIN: the account's password stops working, its tokens and API keys are revoked, and a new "
                    + "invitation link is issued (shown once)")
    @APIResponseSchema(
            value = InvitationLinks.InvitationResponse.class,
            responseCode = "200",
            responseDescription = "OK")
    public Response resetPassword(@PathParam("id") String id, @Context UriInfo uri) {
        return NoStore.ok(links.of(
                passwords.resetAdminPassword(callers.require(), new AdminUserId(PathIds.uuid("id", id))), uri));
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            operationId = "updateAdminUser",
            description = "Who may call: ADMIN only.",
            summary = "Change an admin account's e-mail, name, password or active flag (ADMIN)")
    @APIResponseSchema(value = AdminUserResponse.class, responseCode = "200", responseDescription = "OK")
    public Response update(
            @PathParam("id") String id,
            @Valid @NotNull UpdateAdminUserRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        return withEtag(admins.update(
                callers.require(),
                new AdminUserId(PathIds.uuid("id", id)),
                new ManageAdminUsersUseCase.UpdateAdminUserCommand(
                        request.email(), request.fullName(), request.password(), request.active()),
                Versions.ifMatch(ifMatch)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deleteAdminUser",
            description = "Who may call: ADMIN only.",
            summary = "Deactivate an admin account (ADMIN); never your own, never the last active one")
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        admins.deactivate(callers.require(), new AdminUserId(PathIds.uuid("id", id)), Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private static Response withEtag(AdminUser admin) {
        return Versions.ok(AdminUserResponse.of(admin), admin.updatedAt());
    }
}
