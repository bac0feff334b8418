package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Approvals (ADMIN and RESTRICTED_ADMIN): the users who cannot sign in yet — people waiting after their first sign-in
 * through a directory or OIDC, and disabled users — each with the role and company to give and an approve button.
 * Approving sets the role and company, then enables the user, through the same use case as the API (with the
 * user's ETag, so that a change made meanwhile is refused rather than overwritten); a RESTRICTED_ADMIN is offered
 * no ADMIN role and is refused one posted by hand.
 */
@Path("/ui/approvals")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ApprovalsPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    /** Companies offered in the choosers; beyond, the first ones in the list's order (the API takes any id). */
    static final int MAX_COMPANIES = 200;

    private final ManageUsersUseCase users;
    private final ManagePartnersUseCase partners;
    private final ManageDistributorsUseCase distributors;

    public ApprovalsPage(
            ConsoleRequest request,
            Views views,
            ManageUsersUseCase users,
            ManagePartnersUseCase partners,
            ManageDistributorsUseCase distributors) {
        super(request, views);
        this.users = users;
        this.partners = partners;
        this.distributors = distributors;
    }

    /** A company offered in a chooser. */
    public record Choice(UUID id, String name) {}

    /** A user waiting, the name to show, and the ETag its approval must match. */
    public record Waiting(UserAccount user, String name, String version, boolean neverEnabled) {}

    @GET
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("approved") String approved) {
        AccessPolicy.require(caller(), Capability.USERS_MANAGE);
        Page<UserAccount> page = users.list(
                caller(),
                new ManageUsersUseCase.ListUsersQuery(
                        null, false, null, null, null, cursor == null || cursor.isBlank() ? null : cursor, LIST_PAGE));
        List<Waiting> waiting = page.items().stream()
                .map(u -> new Waiting(u, name(u), ExpectedVersion.tagOf(u.updatedAt()), u.enabledAt() == null))
                .toList();
        return views.html(views.page("backoffice/approvals")
                .data("waiting", waiting)
                .data("roles", grantable())
                .data(
                        "partners",
                        partners.list(caller(), null, true, MAX_COMPANIES, null).items().stream()
                                .map(p -> new Choice(p.id().value(), p.profile().name()))
                                .toList())
                .data(
                        "distributors",
                        distributors.list(caller(), null, true, MAX_COMPANIES, null).items().stream()
                                .map(d -> new Choice(d.id().value(), d.profile().name()))
                                .toList())
                .data("approved", approved == null ? null : name(users.get(caller(), new UserId(id(approved)))))
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", cursor != null && !cursor.isBlank()));
    }

    @POST
    @Path("/{id}")
    public Response approve(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        UserId id = new UserId(id(rawId));
        FormValues values = new FormValues(form);
        Role role = role(values.text("role"));
        PartnerId partnerId = PartnerId.ofNullable(optionalId(values.text("partner_id"), "partner_id"));
        DistributorId distributorId =
                DistributorId.ofNullable(optionalId(values.text("distributor_id"), "distributor_id"));
        values.check();
        UserAccount placed = users.setRole(
                caller(),
                id,
                role,
                role == Role.PARTNER ? partnerId : null,
                role == Role.DISTRIBUTOR ? distributorId : null,
                values.version());
        UserAccount enabled = users.setEnablement(
                caller(), id, true, "approved in the console", ExpectedVersion.at(placed.updatedAt()));
        return views.redirect("/ui/approvals?approved=" + enabled.id());
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    /** The roles this caller may give: a RESTRICTED_ADMIN never grants ADMIN. */
    private List<String> grantable() {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.ADMIN || caller().role() == Role.ADMIN)
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static String name(UserAccount user) {
        return user.fullName() != null && !user.fullName().isBlank()
                ? user.fullName()
                : user.username() != null ? user.username() : user.email();
    }

    private static Role role(String raw) {
        if (raw == null) {
            throw DomainException.invalid("role", "choose a role");
        }
        return Arrays.stream(Role.values())
                .filter(r -> r.name().equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("role", "is not a role"));
    }
}
