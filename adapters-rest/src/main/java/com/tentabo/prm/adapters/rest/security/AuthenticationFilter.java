package com.tentabo.prm.adapters.rest.security;

import com.tentabo.prm.application.identity.port.in.AuthenticateApiKeyUseCase;
import com.tentabo.prm.application.identity.port.in.ResolveCallerUseCase;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} (a JWT or a {@code tnt_…} API key) on every API request. A request without the header goes on
 * unauthenticated (resources that need a caller refuse it with 401); a request with a bad credential is refused
 * here. Webhook deliveries ({@code /api/v1/webhooks/…}) are left to the webhook intake. The account is read afresh on each request, so a disabled account stops working at once.
 */
public class AuthenticationFilter {

    private final TokenService tokens;
    private final ResolveCallerUseCase resolveCaller;
    private final CallerContext context;
    private final AuthenticateApiKeyUseCase apiKeys;

    public AuthenticationFilter(
            TokenService tokens,
            ResolveCallerUseCase resolveCaller,
            CallerContext context,
            AuthenticateApiKeyUseCase apiKeys) {
        this.tokens = tokens;
        this.resolveCaller = resolveCaller;
        this.context = context;
        this.apiKeys = apiKeys;
    }

    /** API keys start with this mark; anything else after {@code Bearer} is taken for a JWT. */
    static final String API_KEY_MARK = "tnt_";

    /** Webhooks carry their provider's credentials (often HTTP Basic), checked by the webhook intake, not here. */
    static final String WEBHOOKS = "/api/v1/webhooks/";

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, HttpServerRequest http) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null
                || header.isBlank()
                || request.getUriInfo().getRequestUri().getPath().startsWith(WEBHOOKS)) {
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "Use Authorization: Bearer <token or API key>");
        }
        String credential = header.substring(7).trim();
        RequestOrigin origin =
                new RequestOrigin(clientAddress(request, http), request.getHeaderString(HttpHeaders.USER_AGENT));
        if (credential.startsWith(API_KEY_MARK)) {
            context.set(apiKeys.authenticate(credential, origin));
            return;
        }
        TokenService.VerifiedToken token = tokens.verify(credential);
        context.set(resolveCaller.resolve(token.kind(), token.principalId(), token.issuedAt(), origin));
    }

    static String clientAddress(ContainerRequestContext request, HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
