package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.in.OidcSignInUseCase;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
    private final OidcSignInUseCase oidc;

    public SignInPage(
            ConsoleRequest request,
            Views views,
            LoginUseCase login,
            ConsoleSessionUseCase sessions,
            OidcSignInUseCase oidc) {
        super(request, views);
        this.login = login;
        this.sessions = sessions;
        this.oidc = oidc;
    }

    @GET
    @Path("/sign-in")
    public Response form(@QueryParam("next") String next, @Context HttpServerRequest http) {
        return signInPage(200, Paths.afterSignIn(next), "", null, http);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(
            MultivaluedMap<String, String> form, @Context HttpHeaders headers, @Context HttpServerRequest http) {
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
            result = login.login(new LoginUseCase.LoginCommand(
                    username, password, SessionFilter.origin(headers.getHeaderString(HttpHeaders.USER_AGENT), http)));
        } catch (DomainException refused) {
            return signInPage(refusalStatus(refused), next, username, refusalKey(refused, "sign_in_refused"), http);
        }
        ConsoleSessionUseCase.StartedSession session = sessions.start(result);
        boolean secure = Cookies.secure(http);
        return Response.seeOther(URI.create(next))
                .cookie(
                        Cookies.session(session, secure),
                        Cookies.expired(Csrf.PRE_SESSION_COOKIE, Paths.SIGN_IN, secure))
                .build();
    }

    /**
     * "Sign in with …": starts the authorization-code flow at the active OIDC provider (a form, so that the
     * pre-session CSRF token protects it) and sends the browser there; the flow stays in the {@value Cookies#OIDC_FLOW}
     * cookie until the provider sends the browser back to {@link #oidcCallback}.
     */
    @POST
    @Path("/sign-in/oidc")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response oidcStart(
            MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpServerRequest http) {
        String next = Paths.afterSignIn(form.getFirst("next"));
        if (!Csrf.matches(request.csrfToken(), form.getFirst(Csrf.FIELD))) {
            return signInPage(403, next, "", "sign_in_expired", http);
        }
        Optional<OidcSignInUseCase.Started> started;
        try {
            started = oidc.start(callback(uri), next);
        } catch (DomainException unavailable) {
            return signInPage(503, next, "", "sign_in_oidc_unavailable", http);
        }
        if (started.isEmpty()) {
            return signInPage(404, next, "", "sign_in_oidc_unavailable", http);
        }
        return Response.seeOther(started.get().authorizationUri())
                .cookie(Cookies.oidcFlow(started.get().flow(), OidcSignInUseCase.FLOW_LIFETIME, Cookies.secure(http)))
                .build();
    }

    /**
     * Where the OIDC provider sends the browser back, with {@code code} and {@code state} (or {@code error}). On
     * success the session cookie is issued as for a password sign-in, on a small page that moves on to the page
     * asked: the provider's redirect is a cross-site navigation, for which the browser would not send a
     * {@code SameSite=Strict} cookie at once.
     */
    @GET
    @Path("/sign-in/oidc/callback")
    public Response oidcCallback(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @CookieParam(Cookies.OIDC_FLOW) String flow,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        boolean secure = Cookies.secure(http);
        NewCookie flowDone = Cookies.expired(Cookies.OIDC_FLOW, Paths.OIDC_SIGN_IN, secure);
        if (error != null) {
            return Response.fromResponse(signInPage(400, Paths.HOME, "", "sign_in_oidc_cancelled", http))
                    .cookie(flowDone)
                    .build();
        }
        OidcSignInUseCase.Finished finished;
        try {
            finished = oidc.finish(new OidcSignInUseCase.FinishCommand(
                    code,
                    state,
                    flow,
                    callback(uri),
                    SessionFilter.origin(headers.getHeaderString(HttpHeaders.USER_AGENT), http)));
        } catch (DomainException refused) {
            return Response.fromResponse(signInPage(
                            refusalStatus(refused), Paths.HOME, "", refusalKey(refused, "sign_in_oidc_refused"), http))
                    .cookie(flowDone)
                    .build();
        }
        ConsoleSessionUseCase.StartedSession session = sessions.start(finished.signedIn());
        return Response.fromResponse(
                        views.html(views.page("support/signed-in").data("next", Paths.afterSignIn(finished.next()))))
                .cookie(Cookies.session(session, secure), flowDone)
                .build();
    }

    /** The callback address this request's host serves, as the provider must have it registered. */
    private static String callback(UriInfo uri) {
        return uri.getBaseUriBuilder()
                .replacePath(Paths.OIDC_CALLBACK)
                .replaceQuery(null)
                .build()
                .toString();
    }

    private static int refusalStatus(DomainException refused) {
        return switch (refused.code().kind()) {
            case TOO_MANY_REQUESTS -> 429;
            case UNAVAILABLE -> 503;
            case FORBIDDEN -> 403;
            default -> 401;
        };
    }

    /** The sign-in page's message for a refusal; {@code otherwise} for wrong credentials. */
    private static String refusalKey(DomainException refused, String otherwise) {
        if (refused.code() == ErrorCode.ACCOUNT_DISABLED) {
            return "sign_in_disabled";
        }
        return switch (refused.code().kind()) {
            case TOO_MANY_REQUESTS -> "sign_in_throttled";
            case FORBIDDEN -> "sign_in_not_allowed";
            case UNAVAILABLE -> "sign_in_oidc_unavailable";
            default -> otherwise;
        };
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(
            MultivaluedMap<String, String> form,
            @CookieParam(Cookies.SESSION) String token,
            @Context HttpServerRequest http) {
        request.requireCsrf(form);
        sessions.end(token);
        return Response.seeOther(URI.create(Paths.SIGN_IN))
                .cookie(Cookies.expired(Cookies.SESSION, Paths.COOKIE_PATH, Cookies.secure(http)))
                .build();
    }

    /** The language switch: remembers the choice (a preference, not an action on data) and goes back. */
    @GET
    @Path("/lang/{code}")
    public Response language(
            @PathParam("code") String code, @QueryParam("back") String back, @Context HttpServerRequest http) {
        Locale chosen = Locales.byTag(code);
        Response.ResponseBuilder answer = Response.seeOther(URI.create(Paths.local(back)));
        if (chosen != null) {
            answer.cookie(Cookies.of(Locales.COOKIE, chosen.getLanguage(), "/", LANGUAGE_MEMORY, Cookies.secure(http)));
        }
        return answer.build();
    }

    private Response signInPage(int status, String next, String username, String errorKey, HttpServerRequest http) {
        String csrf = request.csrfToken().isEmpty() ? Csrf.random() : request.csrfToken();
        String provider;
        try {
            provider = oidc.providerLabel().orElse(null);
        } catch (DomainException unusable) {
            provider = null;
        }
        return Response.fromResponse(views.html(
                        status,
                        views.page("support/sign-in")
                                .data("next", next)
                                .data("username", username)
                                .data("errorKey", errorKey)
                                .data("csrf", csrf)
                                .data("oidcProvider", provider)))
                .cookie(Cookies.of(
                        Csrf.PRE_SESSION_COOKIE, csrf, Paths.SIGN_IN, Duration.ofHours(2), Cookies.secure(http)))
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
