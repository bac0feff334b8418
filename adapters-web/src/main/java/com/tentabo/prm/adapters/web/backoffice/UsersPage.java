package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase;
import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase.CreateUserCommand;
import com.tentabo.prm.application.identity.port.in.ProvisionFromDirectoryUseCase;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorKind;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The users of the back office (ADMIN and RESTRICTED_ADMIN): every user, filtered by role, status, company and a
 * search in the username, e-mail and name; and the invitation of a {@code database} user with a role and a company,
 * through the same use case as the API: the user is created enabled and its owner receives the link to choose a
 * password by mail (an invitation of a user created by a RESTRICTED_ADMIN is sent by an ADMIN, as the API rules).
 * Approving the people waiting stays on the approvals page. For an active LDAP provider, {@code /ui/users/directory}
 * searches its people and pre-provisions one (ADMIN and RESTRICTED_ADMIN, the same use case as
 * {@code /api/v1/users/directory} and {@code /api/v1/users/provision}).
 */
@Path("/ui/users")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class UsersPage extends ConsolePages {

    static final int LIST_PAGE = 50;

    private final ManageUsersUseCase users;
    private final ManagePartnersUseCase partners;
    private final ManageDistributorsUseCase distributors;
    private final ProvisionFromDirectoryUseCase directory;

    public UsersPage(
            ConsoleRequest request,
            Views views,
            ManageUsersUseCase users,
            ManagePartnersUseCase partners,
            ManageDistributorsUseCase distributors,
            ProvisionFromDirectoryUseCase directory) {
        super(request, views);
        this.users = users;
        this.partners = partners;
        this.distributors = distributors;
        this.directory = directory;
    }

    /** A company in a chooser: {@code value} is {@code p:<id>} for a partner, {@code d:<id>} for a distributor. */
    public record Choice(String value, UUID id, String name) {}

    /** A user as listed, with its company's name. */
    public record Row(UserAccount user, String company) {}

    @GET
    public Response list(
            @QueryParam("role") String role,
            @QueryParam("status") String status,
            @QueryParam("company") String company,
            @QueryParam("q") String search,
            @QueryParam("cursor") String cursor,
            @QueryParam("invited") String invited,
            @QueryParam("mailed") String mailed) {
        AccessPolicy.require(caller(), Capability.USERS_READ);
        Map<String, String> filters = new HashMap<>();
        Role roleFilter = role == null || role.isBlank() ? null : role(role);
        Boolean enabled = "enabled".equals(status) ? Boolean.TRUE : "disabled".equals(status) ? Boolean.FALSE : null;
        PartnerId partnerId = company != null && company.startsWith("p:")
                ? PartnerId.ofNullable(optionalId(company.substring(2), "company"))
                : null;
        DistributorId distributorId = company != null && company.startsWith("d:")
                ? DistributorId.ofNullable(optionalId(company.substring(2), "company"))
                : null;
        String q = search == null || search.isBlank() ? null : search.trim();
        Page<UserAccount> page = users.list(
                caller(),
                new ManageUsersUseCase.ListUsersQuery(
                        roleFilter,
                        enabled,
                        null,
                        partnerId,
                        distributorId,
                        cursor == null || cursor.isBlank() ? null : cursor,
                        LIST_PAGE,
                        q));
        StringBuilder query = new StringBuilder();
        for (String[] kv : new String[][] {
            {"role", roleFilter == null ? null : role.trim().toLowerCase(Locale.ROOT)},
            {"status", enabled == null ? null : status},
            {"company", partnerId != null || distributorId != null ? company : null},
            {"q", q}
        }) {
            if (kv[1] != null) {
                query.append(kv[0])
                        .append('=')
                        .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8))
                        .append('&');
                filters.put(kv[0], kv[1]);
            }
        }
        List<Choice> companies = companies();
        Map<UUID, String> names = new HashMap<>();
        companies.forEach(c -> names.put(c.id(), c.name()));
        List<Row> rows = page.items().stream()
                .map(u -> new Row(
                        u,
                        u.partnerId() != null
                                ? names.get(u.partnerId().value())
                                : u.distributorId() != null
                                        ? names.get(u.distributorId().value())
                                        : null))
                .toList();
        UserAccount invitedUser = invited == null ? null : users.get(caller(), new UserId(id(invited)));
        return views.html(page(filters, companies, Map.of(), Map.of(), null)
                .data("rows", rows)
                .data("invited", invitedUser)
                .data("mailed", "1".equals(mailed))
                .data("firstQuery", query.toString())
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : query + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    /** Invites a {@code database} user: created enabled with its role and company, the link mailed to its owner. */
    @POST
    @Path("/invite")
    public Response invite(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.USERS_MANAGE);
        FormValues values = new FormValues(form);
        try {
            Role role = role(values.text("role"));
            PartnerId partnerId = PartnerId.ofNullable(optionalId(values.text("partner_id"), "partner_id"));
            DistributorId distributorId =
                    DistributorId.ofNullable(optionalId(values.text("distributor_id"), "distributor_id"));
            values.check();
            ManageUsersUseCase.CreatedUser created = users.createWithInvitation(
                    caller(),
                    new CreateUserCommand(
                            "database",
                            null,
                            values.text("username"),
                            values.text("email"),
                            values.text("full_name"),
                            role,
                            role == Role.PARTNER ? partnerId : null,
                            role == Role.DISTRIBUTOR ? distributorId : null,
                            null,
                            true));
            return views.redirect(
                    "/ui/users?invited=" + created.user().id() + (created.invitation() != null ? "&mailed=1" : ""));
        } catch (DomainException e) {
            if (!BackOfficeForms.fieldRefusal(e)) {
                throw e;
            }
            return views.html(
                    422,
                    page(Map.of(), companies(), BackOfficeForms.typed(form), views.fieldErrors(e), views.headline(e))
                            .data("rows", List.of())
                            .data("invited", null)
                            .data("mailed", false)
                            .data("firstQuery", "")
                            .data("nextQuery", null)
                            .data("paged", false));
        }
    }

    /**
     * The people of the active LDAP provider matching {@code q} (at most {@value ProvisionFromDirectoryUseCase#LIMIT},
     * the page saying when the directory holds more), each with a form to pre-provision them with a role and a
     * company, or the user they already are. A directory missing, unusable or down is said on the page, which keeps
     * its search form.
     */
    @GET
    @Path("/directory")
    public Response directory(@QueryParam("q") String search, @QueryParam("provisioned") String provisioned) {
        AccessPolicy.require(caller(), Capability.USERS_MANAGE);
        String q = search == null || search.isBlank() ? null : search.strip();
        UserAccount provisionedUser = provisioned == null ? null : users.get(caller(), new UserId(id(provisioned)));
        if (q == null) {
            return views.html(directoryPage(null, null, Map.of(), null).data("provisioned", provisionedUser));
        }
        try {
            return views.html(directoryPage(q, directory.search(caller(), q), Map.of(), null)
                    .data("provisioned", provisionedUser));
        } catch (DomainException e) {
            if (e.code().kind() == ErrorKind.FORBIDDEN || e.code().kind() == ErrorKind.UNAUTHENTICATED) {
                throw e;
            }
            return views.html(
                    status(e),
                    directoryPage(q, null, views.fieldErrors(e), views.headline(e))
                            .data("provisioned", null));
        }
    }

    /** Pre-provisions the person with the role and company chosen; back to the same search, the user named. */
    @POST
    @Path("/directory/provision")
    public Response provision(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.USERS_MANAGE);
        FormValues values = new FormValues(form);
        Role role = role(values.text("role"));
        PartnerId partnerId = PartnerId.ofNullable(optionalId(values.text("partner_id"), "partner_id"));
        DistributorId distributorId =
                DistributorId.ofNullable(optionalId(values.text("distributor_id"), "distributor_id"));
        String q = values.text("q");
        String providerId = values.text("provider_id");
        values.check();
        UserAccount user = directory.provision(
                caller(),
                new ProvisionFromDirectoryUseCase.ProvisionCommand(providerId, role, partnerId, distributorId));
        return views.redirect("/ui/users/directory?provisioned=" + user.id()
                + (q == null ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
    }

    private TemplateInstance directoryPage(
            String q, ProvisionFromDirectoryUseCase.DirectoryPeople found, Map<String, String> errors, String problem) {
        List<Choice> companies = companies();
        return views.page("backoffice/users-directory")
                .data("q", q == null ? "" : q)
                .data("found", found)
                .data("limit", ProvisionFromDirectoryUseCase.LIMIT)
                .data("errors", errors)
                .data("problem", problem)
                .data("grantable", grantable())
                .data(
                        "partners",
                        companies.stream()
                                .filter(c -> c.value().startsWith("p:"))
                                .toList())
                .data(
                        "distributors",
                        companies.stream()
                                .filter(c -> c.value().startsWith("d:"))
                                .toList());
    }

    private static int status(DomainException e) {
        return switch (e.code().kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
            case UNPROCESSABLE -> 422;
            default -> 400;
        };
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    private TemplateInstance page(
            Map<String, String> filters,
            List<Choice> companies,
            Map<String, String> values,
            Map<String, String> errors,
            String problem) {
        return views.page("backoffice/users")
                .data("filters", filters)
                .data("companies", companies)
                .data(
                        "roles",
                        Arrays.stream(Role.values())
                                .map(r -> r.name().toLowerCase(Locale.ROOT))
                                .toList())
                .data("grantable", grantable())
                .data("manages", AccessPolicy.can(caller(), Capability.USERS_MANAGE))
                .data("v", values)
                .data("errors", errors)
                .data("problem", problem)
                .data(
                        "partners",
                        companies.stream()
                                .filter(c -> c.value().startsWith("p:"))
                                .toList())
                .data(
                        "distributors",
                        companies.stream()
                                .filter(c -> c.value().startsWith("d:"))
                                .toList());
    }

    private List<Choice> companies() {
        List<Choice> choices = new java.util.ArrayList<>();
        partners.list(caller(), null, null, CompaniesPage.MAX_CHOICES, null)
                .items()
                .forEach(p -> choices.add(
                        new Choice("p:" + p.id(), p.id().value(), CompaniesPage.label(p.profile(), p.id().value()))));
        distributors
                .list(caller(), null, null, CompaniesPage.MAX_CHOICES, null)
                .items()
                .forEach(d -> choices.add(
                        new Choice("d:" + d.id(), d.id().value(), CompaniesPage.label(d.profile(), d.id().value()))));
        return choices;
    }

    /** The roles this caller may give: a RESTRICTED_ADMIN never grants ADMIN. */
    private List<String> grantable() {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN || caller().role() == Role.ADMIN)
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static Role role(String raw) {
        if (raw == null) {
            throw DomainException.invalid("role", "is required");
        }
        return Arrays.stream(Role.values())
                .filter(r -> r.name().equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("role", "is not a role"));
    }
}
