package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Which of the catalog, company and user pages the layout's navigation offers ({@code {cdi:bocNav.…}}): each to the
 * roles that may read it through the back office.
 */
@RequestScoped
@Named("bocNav")
public class BackOfficeNav {

    private final ConsoleRequest request;

    public BackOfficeNav(ConsoleRequest request) {
        this.request = request;
    }

    /** The catalog: staff roles (partners and distributors price through the quote page). */
    public boolean catalog() {
        return request.signedIn() && request.staff() && AccessPolicy.can(request.caller(), Capability.CATALOG_READ);
    }

    /** Partners and distributors: those who may change them (ADMIN, RESTRICTED_ADMIN). */
    public boolean companies() {
        return request.signedIn() && AccessPolicy.can(request.caller(), Capability.COMPANIES_WRITE);
    }

    /** Users: those who may read every user (ADMIN, RESTRICTED_ADMIN). */
    public boolean users() {
        return request.signedIn() && AccessPolicy.can(request.caller(), Capability.USERS_READ);
    }
}
