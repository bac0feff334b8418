package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.shared.DomainException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The console's door, on every request under {@code /ui}: picks the language, resolves the session cookie into the
 * caller (read afresh, as for a bearer token) and sends anyone without a live session to the sign-in page, which
 * brings them back to the page they asked for. Static files, the sign-in pages (OIDC's start and way back included),
 * the invitation page and the language switch need no session. Requests outside {@code /ui} are not touched.
 */
public class SessionFilter {

    private final ConsoleSessionUseCase sessions;
    private final ConsoleRequest request;

    public SessionFilter(ConsoleSessionUseCase sessions, ConsoleRequest request) {
        this.sessions = sessions;
        this.request = request;
    }

    @ServerRequestFilter
    public Response session(ContainerRequestContext context, HttpServerRequest http) {
        String path = context.getUriInfo().getPath();
        if (!path.equals(Paths.HOME) && !path.startsWith(Paths.HOME + "/")) {
            return null;
        }
        String query = context.getUriInfo().getRequestUri().getRawQuery();
        String asked = query == null ? path : path + "?" + query;
        request.describe(
                Locales.of(cookie(context, Locales.COOKIE), context.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                asked,
                "true".equals(context.getHeaderString(Htmx.REQUEST)));
        request.presented(context.getHeaderString(Csrf.HEADER));
        if (path.startsWith(Paths.STATIC)
                || path.equals(Paths.SIGN_IN)
                || path.startsWith(Paths.SIGN_IN + "/")
                || path.startsWith(Paths.HOME + "/lang/")
                || path.startsWith(Paths.INVITATIONS + "/")) {
            request.anonymousCsrf(cookie(context, Csrf.PRE_SESSION_COOKIE));
            return null;
        }
        String token = cookie(context, Cookies.SESSION);
        if (token != null) {
            try {
                request.signedIn(sessions.resolve(token, origin(context, http)), Csrf.forSession(token));
                return null;
            } catch (DomainException refused) {
                // unknown, expired, signed out, or the account is disabled: sign in again
            }
        }
        String next = "GET".equals(context.getMethod()) ? asked : Paths.HOME;
        URI signIn = URI.create(Paths.SIGN_IN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        Response.ResponseBuilder answer =
                request.htmx() ? Response.ok().header(Htmx.REDIRECT, signIn.toString()) : Response.seeOther(signIn);
        if (token != null) {
            answer.cookie(Cookies.expired(Cookies.SESSION, Paths.COOKIE_PATH, Cookies.secure(http)));
        }
        return answer.build();
    }

    static RequestOrigin origin(ContainerRequestContext context, HttpServerRequest http) {
        return origin(context.getHeaderString(HttpHeaders.USER_AGENT), http);
    }

    static RequestOrigin origin(String userAgent, HttpServerRequest http) {
        String address = http == null || http.remoteAddress() == null
                ? null
                : http.remoteAddress().hostAddress();
        return new RequestOrigin(address, userAgent);
    }

    private static String cookie(ContainerRequestContext context, String name) {
        Cookie cookie = context.getCookies().get(name);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }
}
