package com.tentabo.prm.adapters.rest.edge;

import com.tentabo.prm.adapters.rest.security.CallerContext;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Runs after authentication: counts the request in its caller's bucket — one per API key, one per user or admin
 * account for its tokens — and answers 429 {@code RATE_LIMITED} with {@code Retry-After} when it is empty. Also
 * refuses every read (GET, HEAD) by an API key without the {@code read} scope, whatever the resource.
 */
public class RateLimitFilter {

    private final HttpEdge edge;
    private final CallerContext context;

    public RateLimitFilter(HttpEdge edge, CallerContext context) {
        this.edge = edge;
        this.context = context;
    }

    @ServerRequestFilter(priority = Priorities.USER + 10)
    public void limit(ContainerRequestContext request, HttpServerRequest http) {
        Caller caller = context.current().orElse(null);
        if (caller == null) {
            return; // requests without credentials were counted by their address in HttpEdge
        }
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && !caller.scopes().contains(ApiScope.READ)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "This API key has no read scope");
        }
        if (!edge.enabled()) {
            return;
        }
        RateLimiter.Decision decision =
                edge.take(http.response(), keyOf(caller, request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        if (!decision.allowed()) {
            throw new RetryLaterException(
                    ErrorCode.RATE_LIMITED,
                    "Too many requests for this credential; retry after " + decision.retryAfterSeconds() + " s",
                    decision.retryAfterSeconds());
        }
    }

    /** {@code api-key:<sha-256 of the key>} for an API key, else {@code user:<id>} or {@code admin:<id>}. */
    static String keyOf(Caller caller, String authorization) {
        String credential = authorization == null
                ? ""
                : authorization.substring(Math.min(7, authorization.length())).trim();
        if (credential.startsWith("tnt_")) {
            return "api-key:" + IdempotencyKey.hash(credential.getBytes(StandardCharsets.UTF_8));
        }
        return (caller.isAdminAccount() ? "admin:" : "user:") + caller.principalId();
    }
}
