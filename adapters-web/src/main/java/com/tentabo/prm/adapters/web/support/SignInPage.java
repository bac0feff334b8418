package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.domain.shared.DomainException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Signing in and out, and the language switch. Sign-in goes through {@link LoginUseCase} (database and LDAP users,
 * admin accounts; the same throttling and audit as the API) and starts a console session whose token is the
 * {@value Cookies#SESSION} cookie; signing out revokes it.
 */
@Path("/ui")
public class SignInPage extends ConsolePages {

    /** The language choice is remembered for a year. */
    static final Duration LANGUAGE_MEMORY = Duration.ofDays(365);

    private final LoginUseCase login;
    private final ConsoleSessionUseCase sessions;

    public SignInPage(ConsoleRequest request, Views views, LoginUseCase login, ConsoleSessionUseCase sessions) {
        super(request, views);
        this.login = login;
        this.sessions = sessions;
    }

    @GET
    @Path("/sign-in")
    public Response form(@QueryParam("next") String next, @Context HttpServerRequest http) {
        return signInPage(200, Paths.afterSignIn(next), "", null, http);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(MultivaluedMap<String, String> form, @Context HttpHeaders headers,
                           @Context HttpServerRequest http) {
        String next = Paths.afterSignIn(form.getFirst("next"));
        String username = trimmed(form.getFirst("username"), 255);
        if (!Csrf.matches(request.csrfToken(), form.getFirst(Csrf.FIELD))) {
            return signInPage(403, next, username, "sign_in_expired", http);
        }
        String password = form.getFirst("password");
        if (username.isEmpty() || password == null || password.isEmpty() || password.length() > 1024) {
            return signInPage(400, next, username, "sign_in_missing", http);
        }
        LoginUseCase.LoginResult result;
        try {
            result = login.login(new LoginUseCase.LoginCommand(username, password,
                    SessionFilter.origin(headers.getHeaderString(HttpHeaders.USER_AGENT), http)));
        } catch (DomainException refused) {
            String key = switch (refused.code().kind()) {
                case TOO_MANY_REQUESTS -> "sign_in_throttled";
                case FORBIDDEN -> "sign_in_not_allowed";
                default -> "sign_in_refused";
            };
            return signInPage(refused.code().kind() == com.tentabo.prm.domain.shared.ErrorKind.TOO_MANY_REQUESTS ? 429 : 401,
                    next, username, key, http);
        }
        ConsoleSessionUseCase.StartedSession session = sessions.start(result);
        boolean secure = Cookies.secure(http);
        return Response.seeOther(URI.create(next))
                .cookie(Cookies.session(session, secure), Cookies.expired(Csrf.PRE_SESSION_COOKIE, Paths.SIGN_IN, secure))
                .build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(MultivaluedMap<String, String> form, @CookieParam(Cookies.SESSION) String token,
                            @Context HttpServerRequest http) {
        request.requireCsrf(form);
        sessions.end(token);
        return Response.seeOther(URI.create(Paths.SIGN_IN))
                .cookie(Cookies.expired(Cookies.SESSION, Paths.COOKIE_PATH, Cookies.secure(http))).build();
    }

    /** The language switch: remembers the choice (a preference, not an action on data) and goes back. */
    @GET
    @Path("/lang/{code}")
    public Response language(@PathParam("code") String code, @QueryParam("back") String back,
                             @Context HttpServerRequest http) {
        Locale chosen = Locales.byTag(code);
        Response.ResponseBuilder answer = Response.seeOther(URI.create(Paths.local(back)));
        if (chosen != null) {
            answer.cookie(Cookies.of(Locales.COOKIE, chosen.getLanguage(), "/", LANGUAGE_MEMORY, Cookies.secure(http)));
        }
        return answer.build();
    }

    private Response signInPage(int status, String next, String username, String errorKey, HttpServerRequest http) {
        String csrf = request.csrfToken().isEmpty() ? Csrf.random() : request.csrfToken();
        return Response.fromResponse(views.html(status, views.page("support/sign-in").data("next", next)
                        .data("username", username).data("errorKey", errorKey).data("csrf", csrf)))
                .cookie(Cookies.of(Csrf.PRE_SESSION_COOKIE, csrf, Paths.SIGN_IN, Duration.ofHours(2), Cookies.secure(http)))
                .build();
    }

    private static String trimmed(String value, int max) {
        if (value == null) {
            return "";
        }
        String t = value.trim();
        return t.length() > max ? t.substring(0, max) : t;
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }
}
