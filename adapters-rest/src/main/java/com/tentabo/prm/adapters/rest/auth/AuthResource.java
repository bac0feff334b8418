package com.tentabo.prm.adapters.rest.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.adapters.rest.shared.Origins;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.domain.access.Caller;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.UUID;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    public record LoginRequest(@NotNull @Size(min = 1, max = 255) String username,
                               @NotNull @Size(min = 1, max = 1024) String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    /** An OpenID Connect ID token; over 16 KB it is refused (401) by the verifier like any other bad token. */
    public record IdTokenRequest(@NotNull @Size(min = 1, max = 65536) @JsonProperty("id_token") String idToken) {
        @Override
        public String toString() {
            return "IdTokenRequest[id_token hidden]";
        }
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) { }

    public record MeResponse(UUID id, String kind, String username, String role, UUID partnerId, UUID distributorId,
                             UUID userId, java.util.List<String> scopes) { }

    private final LoginUseCase login;
    private final TokenService tokens;
    private final CallerContext callers;

    public AuthResource(LoginUseCase login, TokenService tokens, CallerContext callers) {
        this.login = login;
        this.tokens = tokens;
        this.callers = callers;
    }

    @POST
    @Path("/login")
    @Operation(operationId = "login", description = "Who may call: Anyone (no bearer token): admin accounts and users of the active auth providers.",
            summary = "Exchange a username and password for a bearer token")
    public TokenResponse login(@Valid @NotNull LoginRequest request, @Context HttpHeaders headers,
                               @Context HttpServerRequest http) {
        LoginUseCase.LoginResult result = login.login(new LoginUseCase.LoginCommand(request.username(),
                request.password(), Origins.of(headers, http)));
        TokenService.IssuedToken token = tokens.issue(result.kind(), result.principalId(), result.username());
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds());
    }

    @POST
    @Path("/oidc")
    @Operation(operationId = "loginWithOidc", description = "Who may call: Anyone (no bearer token) holding an ID token of the active OpenID Connect provider.",
            summary = "Exchange an ID token from the active OpenID Connect provider for a bearer token")
    public TokenResponse oidc(@Valid @NotNull IdTokenRequest request, @Context HttpHeaders headers,
                              @Context HttpServerRequest http) {
        LoginUseCase.LoginResult result = login.exchange(new LoginUseCase.TokenExchangeCommand(request.idToken(),
                Origins.of(headers, http)));
        TokenService.IssuedToken token = tokens.issue(result.kind(), result.principalId(), result.username());
        return new TokenResponse(token.token(), "Bearer", token.expiresInSeconds());
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMe", description = "Who may call: Any authenticated caller.",
            summary = "Who am I: the authenticated caller")
    public MeResponse me() {
        Caller caller = callers.require();
        return new MeResponse(caller.principalId(), caller.kind().name().toLowerCase(Locale.ROOT), caller.username(),
                caller.role().name().toLowerCase(Locale.ROOT), caller.partnerId(), caller.distributorId(), caller.userId(),
                caller.scopes().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList());
    }
}
