package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * What one console request knows about itself, set by {@link SessionFilter}: the caller (null on the sign-in page), the
 * locale, the CSRF token of the session and the path asked for. Templates read it as {@code {cdi:req.…}}.
 */
@RequestScoped
@Named("req")
public class ConsoleRequest {

    private Caller caller;
    private Locale locale = Locales.DEFAULT;
    private String csrfToken = "";
    private String path = Paths.HOME;
    private boolean htmx;
    private String presentedCsrf;

    void signedIn(Caller authenticated, String csrf) {
        this.caller = authenticated;
        this.csrfToken = csrf;
    }

    void describe(Locale chosen, String requestPath, boolean htmxRequest) {
        this.locale = chosen;
        this.path = requestPath;
        this.htmx = htmxRequest;
    }

    void anonymousCsrf(String csrf) {
        this.csrfToken = csrf == null ? "" : csrf;
    }

    void presented(String headerToken) {
        this.presentedCsrf = headerToken;
    }

    /**
     * Refuses (403) a form or htmx request whose CSRF token — the {@value Csrf#HEADER} header, else the form's
     * {@value Csrf#FIELD} field — is not this session's.
     */
    public void requireCsrf(jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
        String presented = presentedCsrf != null ? presentedCsrf : form == null ? null : form.getFirst(Csrf.FIELD);
        if (!Csrf.matches(csrfToken, presented)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "This form has expired; reload the page and try again");
        }
    }

    /** The signed-in caller; the session filter has already sent anyone else to the sign-in page. */
    public Caller caller() {
        if (caller == null) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "Sign in first");
        }
        return caller;
    }

    public boolean signedIn() {
        return caller != null;
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public String csrfToken() {
        return csrfToken;
    }

    public String path() {
        return path;
    }

    public boolean htmx() {
        return htmx;
    }

    /** The current address, encoded as a query parameter value (the language switch's {@code back}). */
    public String pathParam() {
        return java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String username() {
        return caller == null ? "" : caller.username();
    }

    public String role() {
        return caller == null ? "" : caller.role().name().toLowerCase(Locale.ROOT);
    }

    /** A distributor sees its partners and filters lists by partner. */
    public boolean distributor() {
        return caller != null && caller.role() == Role.DISTRIBUTOR;
    }

    /** ADMIN and RESTRICTED_ADMIN approve the people waiting for access. */
    public boolean approves() {
        return caller != null && AccessPolicy.can(caller, Capability.USERS_MANAGE);
    }

    /** ADMIN and FULFILLER work the fulfilment queue. */
    public boolean fulfils() {
        return caller != null && AccessPolicy.can(caller, Capability.ORDERS_FULFIL);
    }

    /** ADMIN and RESTRICTED_ADMIN decide deal registrations (the review queue). */
    public boolean reviews() {
        return caller != null && AccessPolicy.can(caller, Capability.REGISTRATIONS_DECIDE);
    }

    /** ADMIN and RESTRICTED_ADMIN manage the programme's levels and assign them. */
    public boolean managesProgramme() {
        return caller != null && AccessPolicy.can(caller, Capability.PROGRAMME_MANAGE);
    }

    /** Staff roles (admin, restricted admin, fulfiller) see internal notes; partners and distributors never do. */
    public boolean staff() {
        return caller != null && caller.role() != Role.PARTNER && caller.role() != Role.DISTRIBUTOR;
    }

    /** Which navigation entry is the current one: the first path segment after {@code /ui}. */
    public String section() {
        String bare = path.indexOf('?') < 0 ? path : path.substring(0, path.indexOf('?'));
        String rest = bare.startsWith(Paths.HOME) ? bare.substring(Paths.HOME.length()) : "";
        if (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
