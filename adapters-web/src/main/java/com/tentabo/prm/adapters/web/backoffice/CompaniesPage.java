package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.company.port.in.CompanyCommand;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.CompanyProfile;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import io.quarkus.qute.TemplateInstance;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Partners and distributors in the back office (ADMIN and RESTRICTED_ADMIN change them, COMPANIES_WRITE): the list
 * of each kind, create, edit the profile, activate or deactivate, delete one that nothing refers to; the assignments
 * of partners to distributors from either side (assign, deactivate, reactivate); and the users of each company
 * (for those who may read users). Reads and writes go through the same use cases as the API, with their scope.
 */
@Path("/ui/companies")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CompaniesPage extends ConsolePages {

    static final int LIST_PAGE = 50;
    /** Companies offered in the assignment choosers (the first ones by name; the API takes any id). */
    static final int MAX_CHOICES = 200;

    static final int USERS_SHOWN = 50;
    static final List<String> PROFILE_FIELDS = List.of(
            "name",
            "legal_name",
            "registration_number",
            "email",
            "phone",
            "website",
            "address_line1",
            "address_line2",
            "city",
            "postal_code",
            "country",
            "notes");

    private final ManagePartnersUseCase partners;
    private final ManageDistributorsUseCase distributors;
    private final ManageUsersUseCase users;
    private final CatalogTexts texts;

    public CompaniesPage(
            ConsoleRequest request,
            Views views,
            ManagePartnersUseCase partners,
            ManageDistributorsUseCase distributors,
            ManageUsersUseCase users,
            CatalogTexts texts) {
        super(request, views);
        this.partners = partners;
        this.distributors = distributors;
        this.users = users;
        this.texts = texts;
    }

    /** A partner or a distributor, as the pages show both. */
    public record Company(UUID id, CompanyProfile profile, boolean active, Instant updatedAt) {
        static Company of(com.tentabo.prm.domain.company.Company<?> c) {
            return new Company(c.id().value(), c.profile(), c.active(), c.updatedAt());
        }

        public String version() {
            return ExpectedVersion.tagOf(updatedAt);
        }
    }

    /** One field of the profile form: its label in the reader's language, the value shown and its problem. */
    public record Field(String name, String label, String value, String error, boolean multiline) {}

    /** An assignment seen from one side: the company on the other side, by name. */
    public record AssignmentRow(Assignment assignment, UUID otherId, String otherName) {}

    /** A company in a chooser. */
    public record Choice(UUID id, String name) {}

    @GET
    public Response home() {
        return views.redirect("/ui/companies/partners");
    }

    @GET
    @Path("/{kind}")
    public Response list(
            @PathParam("kind") String rawKind,
            @QueryParam("q") String search,
            @QueryParam("active") String active,
            @QueryParam("cursor") String cursor) {
        boolean partnerKind = kind(rawKind);
        String q = search == null || search.isBlank() ? null : search.trim();
        Boolean activeFilter = "true".equals(active) ? Boolean.TRUE : "false".equals(active) ? Boolean.FALSE : null;
        String after = cursor == null || cursor.isBlank() ? null : cursor;
        Page<Company> page = partnerKind
                ? map(partners.list(caller(), q, activeFilter, LIST_PAGE, after), Company::of)
                : map(distributors.list(caller(), q, activeFilter, LIST_PAGE, after), Company::of);
        String filter = (q == null ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&")
                + (activeFilter == null ? "" : "active=" + activeFilter + "&");
        return views.html(views.page("backoffice/company-list")
                .data("kind", rawKind)
                .data("page", page)
                .data("writes", writes())
                .data("q", q == null ? "" : q)
                .data("active", active == null ? "" : active)
                .data("firstQuery", filter)
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : filter + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", after != null));
    }

    @GET
    @Path("/{kind}/new")
    public Response newCompany(@PathParam("kind") String rawKind) {
        kind(rawKind);
        AccessPolicy.require(caller(), Capability.COMPANIES_WRITE);
        return views.html(views.page("backoffice/company-new")
                .data("kind", rawKind)
                .data("fields", fields(Map.of(), Map.of()))
                .data("problem", null));
    }

    @POST
    @Path("/{kind}")
    public Response create(@PathParam("kind") String rawKind, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        boolean partnerKind = kind(rawKind);
        AccessPolicy.require(caller(), Capability.COMPANIES_WRITE);
        try {
            CompanyCommand command = new CompanyCommand(profile(new FormValues(form)), true);
            UUID id = partnerKind
                    ? partners.create(caller(), command, null).value().id().value()
                    : distributors.create(caller(), command, null).value().id().value();
            return views.redirect("/ui/companies/" + rawKind + "/" + id + "?saved=created");
        } catch (DomainException e) {
            if (!BackOfficeForms.fieldRefusal(e)) {
                throw e;
            }
            return views.html(
                    422,
                    views.page("backoffice/company-new")
                            .data("kind", rawKind)
                            .data("fields", fields(BackOfficeForms.typed(form), views.fieldErrors(e)))
                            .data("problem", views.headline(e)));
        }
    }

    @GET
    @Path("/{kind}/{id}")
    public Response company(
            @PathParam("kind") String rawKind, @PathParam("id") String rawId, @QueryParam("saved") String saved) {
        boolean partnerKind = kind(rawKind);
        Company company = read(partnerKind, id(rawId));
        return views.html(companyPage(rawKind, partnerKind, company, values(company.profile()), Map.of(), null)
                .data("saved", saved));
    }

    @POST
    @Path("/{kind}/{id}")
    public Response update(
            @PathParam("kind") String rawKind, @PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        boolean partnerKind = kind(rawKind);
        Company company = forChange(partnerKind, rawId, form);
        FormValues values = new FormValues(form);
        try {
            CompanyCommand command = new CompanyCommand(profile(values), company.active());
            write(partnerKind, company.id(), command, values.version());
            return views.redirect("/ui/companies/" + rawKind + "/" + company.id() + "?saved=details");
        } catch (DomainException e) {
            if (!BackOfficeForms.fieldRefusal(e)) {
                throw e;
            }
            return views.html(
                    422,
                    companyPage(
                            rawKind,
                            partnerKind,
                            company,
                            BackOfficeForms.typed(form),
                            views.fieldErrors(e),
                            views.headline(e)));
        }
    }

    @POST
    @Path("/{kind}/{id}/active")
    public Response activate(
            @PathParam("kind") String rawKind, @PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        boolean partnerKind = kind(rawKind);
        Company company = forChange(partnerKind, rawId, form);
        FormValues values = new FormValues(form);
        boolean active = "true".equals(values.text("active"));
        write(partnerKind, company.id(), new CompanyCommand(company.profile(), active), values.version());
        return views.redirect(
                "/ui/companies/" + rawKind + "/" + company.id() + "?saved=" + (active ? "activated" : "deactivated"));
    }

    @POST
    @Path("/{kind}/{id}/delete")
    public Response delete(
            @PathParam("kind") String rawKind, @PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        boolean partnerKind = kind(rawKind);
        Company company = forChange(partnerKind, rawId, form);
        ExpectedVersion version = new FormValues(form).version();
        if (partnerKind) {
            partners.delete(caller(), new PartnerId(company.id()), version);
        } else {
            distributors.delete(caller(), new DistributorId(company.id()), version);
        }
        return views.redirect("/ui/companies/" + rawKind + "?deleted=1");
    }

    /** Assigns a partner to a distributor, from either page ({@code back}: the side to return to). */
    @POST
    @Path("/assignments")
    public Response assign(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.COMPANIES_WRITE);
        FormValues values = new FormValues(form);
        String notes = values.text("notes");
        Pair pair = pair(values);
        distributors.assign(caller(), pair.distributorId(), pair.partnerId(), notes);
        return views.redirect(back(values.text("back"), pair) + "?saved=assigned");
    }

    /** Deactivates or reactivates an assignment, from either page. */
    @POST
    @Path("/assignments/active")
    public Response assignmentActive(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.COMPANIES_WRITE);
        FormValues values = new FormValues(form);
        Pair pair = pair(values);
        boolean active = "true".equals(values.text("active"));
        distributors.setAssignmentActive(caller(), pair.distributorId(), pair.partnerId(), active);
        return views.redirect(back(values.text("back"), pair) + "?saved=" + (active ? "reactivated" : "unassigned"));
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    // ---- helpers

    /** True for partners, false for distributors; any other kind is a page that does not exist. */
    private static boolean kind(String raw) {
        if ("partners".equals(raw)) {
            return true;
        }
        if ("distributors".equals(raw)) {
            return false;
        }
        throw new DomainException(ErrorCode.ROUTE_NOT_FOUND, "No such page");
    }

    private static String back(String side, Pair pair) {
        return "partners".equals(side)
                ? "/ui/companies/partners/" + pair.partnerId()
                : "/ui/companies/distributors/" + pair.distributorId();
    }

    private boolean writes() {
        return AccessPolicy.can(caller(), Capability.COMPANIES_WRITE);
    }

    /** The company a form changes: the form's CSRF token checked, COMPANIES_WRITE required, then read in scope. */
    private Company forChange(boolean partnerKind, String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        AccessPolicy.require(caller(), Capability.COMPANIES_WRITE);
        return read(partnerKind, id(rawId));
    }

    /** The distributor and partner an assignment form names (both required). */
    private record Pair(DistributorId distributorId, PartnerId partnerId) {}

    private static Pair pair(FormValues values) {
        UUID distributorId = optionalId(values.text("distributor_id"), "distributor_id");
        UUID partnerId = optionalId(values.text("partner_id"), "partner_id");
        values.check();
        if (distributorId == null || partnerId == null) {
            throw DomainException.invalid(distributorId == null ? "distributor_id" : "partner_id", "is required");
        }
        return new Pair(new DistributorId(distributorId), new PartnerId(partnerId));
    }

    private Company read(boolean partnerKind, UUID id) {
        return partnerKind
                ? Company.of(partners.get(caller(), new PartnerId(id)))
                : Company.of(distributors.get(caller(), new DistributorId(id)));
    }

    private void write(boolean partnerKind, UUID id, CompanyCommand command, ExpectedVersion version) {
        if (partnerKind) {
            partners.update(caller(), new PartnerId(id), command, version);
        } else {
            distributors.update(caller(), new DistributorId(id), command, version);
        }
    }

    private static <T> Page<Company> map(Page<T> page, Function<T, Company> of) {
        return new Page<>(page.items().stream().map(of).toList(), page.nextCursor());
    }

    private TemplateInstance companyPage(
            String rawKind,
            boolean partnerKind,
            Company company,
            Map<String, String> values,
            Map<String, String> errors,
            String problem) {
        List<AssignmentRow> assignments;
        List<Choice> choices = List.of();
        if (partnerKind) {
            Map<UUID, String> names = distributors.list(caller(), null, null, MAX_CHOICES, null).items().stream()
                    .collect(Collectors.toMap(
                            d -> d.id().value(), d -> label(d.profile(), d.id().value()), (a, b) -> a));
            assignments = distributors.assignmentsOfPartner(caller(), new PartnerId(company.id())).stream()
                    .map(a -> new AssignmentRow(
                            a,
                            a.distributorId().value(),
                            names.getOrDefault(
                                    a.distributorId().value(), a.distributorId().toString())))
                    .toList();
            if (writes()) {
                choices = distributors.list(caller(), null, true, MAX_CHOICES, null).items().stream()
                        .map(d -> new Choice(d.id().value(), label(d.profile(), d.id().value())))
                        .toList();
            }
        } else {
            Map<UUID, String> names = partners.list(caller(), null, null, MAX_CHOICES, null).items().stream()
                    .collect(Collectors.toMap(
                            p -> p.id().value(), p -> label(p.profile(), p.id().value()), (a, b) -> a));
            assignments = distributors.assignments(caller(), new DistributorId(company.id()), null).stream()
                    .map(a -> new AssignmentRow(
                            a,
                            a.partnerId().value(),
                            names.getOrDefault(
                                    a.partnerId().value(), a.partnerId().toString())))
                    .toList();
            if (writes()) {
                choices = partners.list(caller(), null, true, MAX_CHOICES, null).items().stream()
                        .map(p -> new Choice(p.id().value(), label(p.profile(), p.id().value())))
                        .toList();
            }
        }
        List<UserAccount> members = null;
        if (AccessPolicy.can(caller(), Capability.USERS_READ)) {
            members = users.list(
                            caller(),
                            new ManageUsersUseCase.ListUsersQuery(
                                    null,
                                    null,
                                    null,
                                    partnerKind ? new PartnerId(company.id()) : null,
                                    partnerKind ? null : new DistributorId(company.id()),
                                    null,
                                    USERS_SHOWN))
                    .items();
        }
        return views.page("backoffice/company")
                .data("kind", rawKind)
                .data("partnerKind", partnerKind)
                .data("company", company)
                .data("fields", fields(values, errors))
                .data("problem", problem)
                .data("writes", writes())
                .data("assignments", assignments)
                .data("choices", choices)
                .data("members", members)
                .data("saved", null);
    }

    /** A company's name, or its id for a row the replaced system left without one (a link needs a text). */
    static String label(CompanyProfile profile, UUID id) {
        return profile.name() == null || profile.name().isBlank() ? id.toString() : profile.name();
    }

    private List<Field> fields(Map<String, String> values, Map<String, String> errors) {
        return PROFILE_FIELDS.stream()
                .map(name -> new Field(
                        name, texts.t("company_" + name), values.get(name), errors.get(name), "notes".equals(name)))
                .toList();
    }

    private static CompanyProfile profile(FormValues v) {
        CompanyProfile profile = new CompanyProfile(
                v.text("name"),
                v.text("legal_name"),
                v.text("registration_number"),
                v.text("email"),
                v.text("phone"),
                v.text("website"),
                v.text("address_line1"),
                v.text("address_line2"),
                v.text("city"),
                v.text("postal_code"),
                v.text("country"),
                v.text("notes"));
        v.check();
        return profile;
    }

    private static Map<String, String> values(CompanyProfile p) {
        Map<String, String> v = new HashMap<>();
        v.put("name", p.name());
        v.put("legal_name", p.legalName());
        v.put("registration_number", p.registrationNumber());
        v.put("email", p.email());
        v.put("phone", p.phone());
        v.put("website", p.website());
        v.put("address_line1", p.addressLine1());
        v.put("address_line2", p.addressLine2());
        v.put("city", p.city());
        v.put("postal_code", p.postalCode());
        v.put("country", p.country());
        v.put("notes", p.notes());
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }
}
