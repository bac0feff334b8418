package com.tentabo.prm.adapters.rest.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tentabo.prm.adapters.rest.problem.Problem;
import com.tentabo.prm.adapters.rest.problem.ProblemResponses;
import com.tentabo.prm.domain.shared.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first handler of every HTTP request, before Quarkus reads a body or matches a resource:
 * <ul>
 *   <li>a declared body larger than {@code quarkus.http.limits.max-body-size} (1 MiB) answers 413
 *       {@code PAYLOAD_TOO_LARGE} at once, webhooks included, without reading it (Quarkus cuts a larger chunked body
 *       while reading it);</li>
 *   <li>an API request without credentials (and every webhook delivery) takes a token from its client address's
 *       bucket, and answers 429 {@code RATE_LIMITED} with {@code Retry-After} when it is empty; requests with
 *       credentials are counted per user or API key once authenticated ({@link RateLimitFilter});</li>
 *   <li>every answer gets the security headers, and the {@code RateLimit-Policy}/{@code RateLimit} headers of the
 *       bucket the request was counted in.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpEdge {

    static final String API = "/api/";
    static final String WEBHOOKS = "/api/v1/webhooks/";
    /** Runs before Quarkus' own body-size check (order -2) and every resource. */
    static final int ORDER = -3;

    static final String CONSOLE = "/ui";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    /** Swagger UI (when enabled) runs its own scripts and styles, from this service only. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";
    /** The web console under /ui: its own scripts, stylesheet and images only, forms posted back to itself. */
    static final String CONSOLE_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final RateLimiter limiter;
    private final RateLimitSettings settings;
    private final ObjectMapper json;
    private final long maxBody;
    private final String swaggerPath;

    public HttpEdge(
            RateLimitSettings settings,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M") MemorySize maxBody,
            @ConfigProperty(name = "quarkus.swagger-ui.path", defaultValue = "/q/swagger-ui") String swaggerPath) {
        this.settings = settings;
        this.limiter = new RateLimiter(System::nanoTime, settings.maxBuckets());
        this.json = json;
        this.maxBody = maxBody.asLongValue();
        this.swaggerPath = swaggerPath.startsWith("/") ? swaggerPath : "/q/" + swaggerPath;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    /** Takes a token for the key and writes the bucket's {@code RateLimit-Policy} and {@code RateLimit} headers. */
    RateLimiter.Decision take(HttpServerResponse response, String key) {
        RateLimiter.Decision decision = limiter.take(key, settings.policyOf(key));
        response.putHeader("RateLimit-Policy", decision.policy().header());
        response.putHeader("RateLimit", decision.header());
        if (!decision.allowed()) {
            response.putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
        return decision;
    }

    boolean enabled() {
        return settings.enabled();
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.addHeadersEndHandler(ignored -> headers(ctx));
        if (declaredLength(request) > maxBody) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            problem(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBody + " bytes");
            return;
        }
        String path = request.path();
        if (settings.enabled()
                && path.startsWith(API)
                && (request.getHeader(HttpHeaders.AUTHORIZATION) == null || path.startsWith(WEBHOOKS))) {
            RateLimiter.Decision decision = take(ctx.response(), addressKey(request));
            if (!decision.allowed()) {
                problem(
                        ctx,
                        ErrorCode.RATE_LIMITED,
                        "Too many requests from your address; retry after " + decision.retryAfterSeconds() + " s");
                return;
            }
        }
        ctx.next();
    }

    private void headers(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        boolean swagger = ctx.request().path().startsWith(swaggerPath);
        boolean html = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
        String path = ctx.request().path();
        headers.set(
                "Content-Security-Policy",
                swagger && html
                        ? SWAGGER_POLICY
                        : path.equals(CONSOLE) || path.startsWith(CONSOLE + "/") ? CONSOLE_POLICY : API_POLICY);
        if ("https".equalsIgnoreCase(ctx.request().scheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }

    private void problem(RoutingContext ctx, ErrorCode code, String detail) {
        int status = ProblemResponses.status(code.kind());
        String body;
        try {
            body = json.writeValueAsString(new Problem(
                    "urn:tentabo:problem:"
                            + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    ProblemResponses.title(code),
                    status,
                    detail,
                    code.name(),
                    null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not a length: refused like an oversized body
        }
    }

    /** The client address's bucket key: IPv4 as is, IPv6 by its /64 (one subscriber's network). */
    static String addressKey(HttpServerRequest request) {
        String address = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        return "address:" + network(address);
    }

    static String network(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
