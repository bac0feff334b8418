package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.ErrorKind;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The page an invitation (or reset) link leads to when {@code PRM_INVITATIONS_LINK_BASE} points here: the person
 * types a password twice and {@link ManagePasswordsUseCase#acceptInvitation} sets it — the same use case as
 * {@code POST /api/v1/auth/invitations/{token}} — then a console session starts as at sign-in. Used before any
 * session exists, the form is protected like the sign-in form (a random token in a cookie scoped to this page).
 * An unusable link says so without saying why (unknown, used, replaced or expired).
 */
@Path(Paths.INVITATIONS + "/{token}")
public class InvitationPage extends ConsolePages {

    private final ManagePasswordsUseCase passwords;
    private final ConsoleSessionUseCase sessions;

    public InvitationPage(
            ConsoleRequest request, Views views, ManagePasswordsUseCase passwords, ConsoleSessionUseCase sessions) {
        super(request, views);
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GET
    public Response form(@PathParam("token") String token, @Context HttpServerRequest http) {
        if (!passwords.invitationUsable(token)) {
            return invalid();
        }
        return formPage(200, token, Map.of(), http);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(
            @PathParam("token") String token,
            MultivaluedMap<String, String> form,
            @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        if (!passwords.invitationUsable(token)) {
            return invalid();
        }
        if (!Csrf.matches(request.csrfToken(), form.getFirst(Csrf.FIELD))) {
            return formPage(403, token, Map.of(PasswordForms.FORM, "form_expired"), http);
        }
        Map<String, String> differs = PasswordForms.repeatErrors(form, "password");
        if (!differs.isEmpty()) {
            return formPage(422, token, differs, http);
        }
        LoginUseCase.LoginResult result;
        try {
            result = passwords.acceptInvitation(
                    token,
                    form.getFirst("password"),
                    SessionFilter.origin(headers.getHeaderString(HttpHeaders.USER_AGENT), http));
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.INVITATION_INVALID) {
                return invalid();
            }
            if (refused.code().kind() == ErrorKind.FORBIDDEN) {
                return message(403, "invitation_not_allowed");
            }
            if (!PasswordForms.shownBesideFields(refused)) {
                throw refused;
            }
            return formPage(422, token, PasswordForms.errors(refused), http);
        }
        boolean secure = Cookies.secure(http);
        return Response.seeOther(URI.create(Paths.HOME))
                .cookie(
                        Cookies.session(sessions.start(result), secure),
                        Cookies.expired(Csrf.PRE_SESSION_COOKIE, Paths.INVITATIONS, secure))
                .build();
    }

    private Response formPage(int status, String token, Map<String, String> errors, HttpServerRequest http) {
        String csrf = request.csrfToken().isEmpty() ? Csrf.random() : request.csrfToken();
        return Response.fromResponse(views.html(
                        status,
                        views.page("support/invitation")
                                .data("token", token)
                                .data("errors", errors)
                                .data("messageKey", null)
                                .data("csrf", csrf)))
                .cookie(Cookies.of(
                        Csrf.PRE_SESSION_COOKIE, csrf, Paths.INVITATIONS, Duration.ofHours(2), Cookies.secure(http)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response invalid() {
        return message(404, "invitation_invalid");
    }

    private Response message(int status, String key) {
        return views.html(
                status,
                views.page("support/invitation")
                        .data("token", null)
                        .data("errors", Map.of())
                        .data("messageKey", key)
                        .data("csrf", null));
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
