package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Cookies;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.PasswordForms;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.in.ManageApiKeysUseCase;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ApiKeyId;
import com.tentabo.prm.domain.shared.DomainException;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * My account: who I am and for which company, and my API keys (create — the key is shown once, on the page that
 * answers the creation —, list, revoke) through the same use case as {@code /api/v1/auth/api-keys}; and my password,
 * changed through the same use case as {@code POST /api/v1/auth/password}. The change revokes the account's earlier
 * credentials, this session included, so a new session starts at once (as the API answers a new token); a
 * directory or OIDC user is told that its directory keeps its password.
 */
@Path("/ui/account")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AccountPage extends ConsolePages {

    private final ManageApiKeysUseCase apiKeys;
    private final ManagePartnersUseCase partners;
    private final ManageDistributorsUseCase distributors;
    private final ManagePasswordsUseCase passwords;
    private final ConsoleSessionUseCase sessions;

    public AccountPage(
            ConsoleRequest request,
            Views views,
            ManageApiKeysUseCase apiKeys,
            ManagePartnersUseCase partners,
            ManageDistributorsUseCase distributors,
            ManagePasswordsUseCase passwords,
            ConsoleSessionUseCase sessions) {
        super(request, views);
        this.apiKeys = apiKeys;
        this.partners = partners;
        this.distributors = distributors;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GET
    public Response account(@QueryParam("password") String password) {
        return views.html(page(null).data("passwordChanged", "changed".equals(password)));
    }

    @POST
    @Path("/password")
    public Response changePassword(
            MultivaluedMap<String, String> form,
            @CookieParam(Cookies.SESSION) String session,
            @Context HttpServerRequest http) {
        request.requireCsrf(form);
        Map<String, String> differs = PasswordForms.repeatErrors(form, "new_password");
        if (!differs.isEmpty()) {
            return views.html(422, page(null).data("passwordErrors", differs));
        }
        LoginUseCase.LoginResult result;
        try {
            result = passwords.changeOwnPassword(
                    caller(), form.getFirst(PasswordForms.CURRENT), form.getFirst("new_password"));
        } catch (DomainException refused) {
            if (!PasswordForms.shownBesideFields(refused)) {
                throw refused;
            }
            return views.html(
                    refused.violations().isEmpty() ? 429 : 422,
                    page(null).data("passwordErrors", PasswordForms.errors(refused)));
        }
        sessions.end(session);
        return Response.seeOther(URI.create("/ui/account?password=changed#password"))
                .cookie(Cookies.session(sessions.start(result), Cookies.secure(http)))
                .build();
    }

    @POST
    @Path("/api-keys")
    public Response createKey(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        FormValues values = new FormValues(form);
        java.time.Instant expires = values.date("expires_at");
        values.check();
        Set<ApiScope> scopes =
                "read".equals(values.text("scopes")) ? EnumSet.of(ApiScope.READ) : EnumSet.allOf(ApiScope.class);
        ManageApiKeysUseCase.CreatedApiKey created = apiKeys.create(
                caller(), new ManageApiKeysUseCase.CreateApiKeyCommand(values.text("name"), scopes, expires));
        return views.html(page(created));
    }

    @POST
    @Path("/api-keys/{id}/revoke")
    public Response revokeKey(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        apiKeys.revoke(caller(), new ApiKeyId(id(rawId)));
        return views.redirect("/ui/account#api-keys");
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    private TemplateInstance page(ManageApiKeysUseCase.CreatedApiKey created) {
        Caller caller = caller();
        String company = caller.partnerId() != null
                ? partners.get(caller, caller.partnerId()).profile().name()
                : caller.distributorId() != null
                        ? distributors
                                .get(caller, caller.distributorId())
                                .profile()
                                .name()
                        : null;
        return views.page("portal/account")
                .data("company", company)
                .data("keys", apiKeys.listOwn(caller))
                .data("created", created == null ? null : created.secret())
                .data("ownPassword", passwords.hasOwnPassword(caller))
                .data("passwordErrors", Map.of())
                .data("passwordChanged", false);
    }
}
