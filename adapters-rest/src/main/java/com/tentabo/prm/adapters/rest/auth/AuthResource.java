package com.tentabo.prm.adapters.rest.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.adapters.rest.shared.NoStore;
import com.tentabo.prm.adapters.rest.shared.Origins;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.EntityId;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    public record LoginRequest(
            @NotNull @Size(min = 1, max = 255) String username,
            @NotNull @Size(min = 1, max = 1024) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    /** An OpenID Connect ID token; over 16 KB it is refused (401) by the verifier like any other bad token. */
    public record IdTokenRequest(
            @NotNull @Size(min = 1, max = 65536) @JsonProperty("id_token")
            String idToken) {
        @Override
        public String toString() {
            return "IdTokenRequest[id_token hidden]";
        }
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

    /** The password an invited person chooses (the same rules as every password: 8 characters to 72 bytes). */
    public record SetPasswordRequest(
            @NotNull @Size(min = 1, max = 1024) String password) {
        @Override
        public String toString() {
            return "SetPasswordRequest[password hidden]";
        }
    }

    public record ChangePasswordRequest(
            @NotNull @Size(min = 1, max = 1024) @JsonProperty("current_password")
            String currentPassword,

            @NotNull @Size(min = 1, max = 1024) @JsonProperty("new_password")
            String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordRequest[passwords hidden]";
        }
    }

    public record MeResponse(
            UUID id,
            String kind,
            String username,
            String role,
            UUID partnerId,
            UUID distributorId,
            UUID userId,
            java.util.List<String> scopes) {}

    private final LoginUseCase login;
    private final ManagePasswordsUseCase passwords;
    private final TokenService tokens;
    private final CallerContext callers;

    public AuthResource(
            LoginUseCase login, ManagePasswordsUseCase passwords, TokenService tokens, CallerContext callers) {
        this.login = login;
        this.passwords = passwords;
        this.tokens = tokens;
        this.callers = callers;
    }

    @POST
    @Path("/login")
    @Operation(
            operationId = "login",
            description =
                    "Who may call: Anyone (no bearer token): admin accounts and users of the active auth providers.",
            summary = "Exchange a username and password for a bearer token")
    @APIResponseSchema(value = TokenResponse.class, responseCode = "200", responseDescription = "OK")
    public Response login(
            @Valid @NotNull LoginRequest request, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return tokenFor(login.login(
                new LoginUseCase.LoginCommand(request.username(), request.password(), Origins.of(headers, http))));
    }

    @POST
    @Path("/oidc")
    @Operation(
            operationId = "loginWithOidc",
            description =
                    "Who may call: Anyone (no bearer token) holding an ID token of the active OpenID Connect provider.",
            summary = "Exchange an ID token from the active OpenID Connect provider for a bearer token")
    @APIResponseSchema(value = TokenResponse.class, responseCode = "200", responseDescription = "OK")
    public Response oidc(
            @Valid @NotNull IdTokenRequest request, @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return tokenFor(
                login.exchange(new LoginUseCase.TokenExchangeCommand(request.idToken(), Origins.of(headers, http))));
    }

    @POST
    @Path("/invitations/{token}")
    @Operation(
            operationId = "acceptInvitation",
            description = "Who may call: Anyone (no bearer token) holding an invitation or reset link.",
            summary = "Set your password through the invitation (or reset) link you were given, and sign in")
    @APIResponseSchema(value = TokenResponse.class, responseCode = "200", responseDescription = "OK")
    public Response acceptInvitation(
            @PathParam("token") String token,
            @Valid @NotNull SetPasswordRequest request,
            @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        return tokenFor(passwords.acceptInvitation(token, request.password(), Origins.of(headers, http)));
    }

    @POST
    @Path("/password")
    @Operation(
            operationId = "changeOwnPassword",
            description = "Who may call: Every signed-in admin account and database user (WRITE scope).",
            summary = "Change your own password (admin accounts and database users); earlier tokens and API keys "
                    + "stop working, the answer is a new token")
    @APIResponseSchema(value = TokenResponse.class, responseCode = "200", responseDescription = "OK")
    public Response changePassword(@Valid @NotNull ChangePasswordRequest request) {
        return tokenFor(
                passwords.changeOwnPassword(callers.require(), request.currentPassword(), request.newPassword()));
    }

    /** A token answer: never stored by a browser or a proxy. */
    private Response tokenFor(LoginUseCase.LoginResult result) {
        TokenService.IssuedToken token = tokens.issue(result.kind(), result.principalId(), result.username());
        return NoStore.ok(new TokenResponse(token.token(), "Bearer", token.expiresInSeconds()));
    }

    @GET
    @Path("/me")
    @Operation(
            operationId = "getMe",
            description = "Who may call: Any authenticated caller.",
            summary = "Who am I: the authenticated caller")
    public MeResponse me() {
        Caller caller = callers.require();
        return new MeResponse(
                caller.principalId(),
                caller.kind().name().toLowerCase(Locale.ROOT),
                caller.username(),
                caller.role().name().toLowerCase(Locale.ROOT),
                EntityId.uuid(caller.partnerId()),
                EntityId.uuid(caller.distributorId()),
                EntityId.uuid(caller.userId()),
                caller.scopes().stream()
                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                        .sorted()
                        .toList());
    }
}
