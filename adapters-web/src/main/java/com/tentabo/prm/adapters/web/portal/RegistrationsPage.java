package com.tentabo.prm.adapters.web.portal;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.Csrf;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.lead.port.in.ManageLeadsUseCase;
import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.registration.port.in.QueryRegistrationsUseCase;
import com.tentabo.prm.application.registration.port.in.SubmitRegistrationUseCase;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.registration.Registration;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorKind;
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
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Deal registrations of the caller's scope (a partner's own; a distributor's own and its partners'): register a deal
 * from an open lead, the list with status and protection end (keyset pages), a registration with its readable history,
 * the answer to a returned registration and the request for the one extension. Refusals of the use cases are shown
 * beside the fields they name.
 *
 * <p>What staff alone may know never reaches these templates: the page model ({@link Row}) has no conflict finding, no
 * matches and no flagged orders — a registration in conflict reads "under review", like any other submitted one.
 */
@Path("/ui/registrations")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RegistrationsPage extends ConsolePages {

    static final int LIST_PAGE = 25;
    /** The status filter's choices: the value and the label's key. */
    static final List<StatusChoice> STATUSES = Arrays.stream(RegistrationStatus.values())
            .map(s -> new StatusChoice(
                    s.name().toLowerCase(Locale.ROOT),
                    "registration_status_" + s.name().toLowerCase(Locale.ROOT)))
            .toList();
    /** History actions whose reason a person wrote (the others' is the machine's: an order id, "window ended"). */
    static final Set<String> WRITTEN_REASONS = Set.of(
            "approve", "reject", "return", "resubmit", "request_extension", "grant_extension", "refuse_extension");

    private final SubmitRegistrationUseCase submit;
    private final QueryRegistrationsUseCase query;
    private final ManageLeadsUseCase leads;
    private final PartnerChoices partners;

    public RegistrationsPage(
            ConsoleRequest request,
            Views views,
            SubmitRegistrationUseCase submit,
            QueryRegistrationsUseCase query,
            ManageLeadsUseCase leads,
            PartnerChoices partners) {
        super(request, views);
        this.submit = submit;
        this.query = query;
        this.leads = leads;
        this.partners = partners;
    }

    public record StatusChoice(String value, String key) {}

    /** A registration as its partner or distributor sees it: no conflict, no other partner's anything. */
    public record Row(
            RegistrationId id,
            UUID leadId,
            UUID partnerId,
            RegistrationStatus status,
            String organization,
            String registrationNumber,
            String domain,
            String expectedProducts,
            BigDecimal expectedValue,
            String currency,
            Instant protectionEndsAt,
            Instant extensionRequestedUntil,
            boolean extended,
            String decisionReason,
            Instant decidedAt,
            Instant submittedAt,
            Instant updatedAt,
            String version,
            List<OrderId> orderIds) {

        static Row of(RegistrationView view) {
            Registration r = view.registration();
            return new Row(
                    r.id(),
                    r.leadId().value(),
                    EntityId.uuid(r.tenant().partnerId()),
                    r.status(),
                    r.customer().organization(),
                    r.customer().registrationNumber(),
                    r.customer().domain(),
                    r.expectedProducts(),
                    r.expectedValue(),
                    r.currency(),
                    r.protectionEndsAt(),
                    r.extensionRequestedUntil(),
                    r.extended(),
                    r.decisionReason(),
                    r.decidedAt(),
                    r.submittedAt(),
                    r.updatedAt(),
                    ExpectedVersion.tagOf(r.updatedAt()),
                    view.orderIds() == null ? List.of() : view.orderIds());
        }

        /** The status as the partner reads it: a submitted registration is "under review", whatever staff found. */
        public String statusKey() {
            return "registration_status_" + status.name().toLowerCase(Locale.ROOT);
        }

        public boolean answerable() {
            return status == RegistrationStatus.RETURNED;
        }

        /** The one extension may be asked for: approved, not extended yet, none pending. */
        public boolean extensible() {
            return status == RegistrationStatus.APPROVED && !extended && extensionRequestedUntil == null;
        }

        public boolean extensionPending() {
            return status == RegistrationStatus.APPROVED && extensionRequestedUntil != null;
        }
    }

    /** One readable step: the action's label, the move, the written reason (if any) and when. */
    public record Step(String action, RegistrationStatus from, RegistrationStatus to, String reason, Instant at) {
        static Step of(HistoryEntry h) {
            return new Step(
                    h.action(),
                    h.fromStatus(),
                    h.toStatus(),
                    WRITTEN_REASONS.contains(h.action()) ? h.reason() : null,
                    h.at());
        }

        public String actionKey() {
            return "registration_action_" + action;
        }
    }

    @GET
    public Response list(
            @QueryParam("status") String status,
            @QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor) {
        UUID partnerId = optionalId(partner, "partner");
        RegistrationStatus chosen = status == null || status.isBlank() ? null : status(status);
        String from = cursor == null || cursor.isBlank() ? null : cursor;
        Page<RegistrationView> page = query.list(
                caller(),
                new RegistrationRepository.Filter(
                        chosen == null ? null : Set.of(chosen),
                        PartnerId.ofNullable(partnerId),
                        null,
                        null,
                        LIST_PAGE,
                        from));
        Map<String, String> filters = new HashMap<>();
        filters.put("status", chosen == null ? "" : chosen.name().toLowerCase(Locale.ROOT));
        filters.put("partner", partnerId == null ? "" : partnerId.toString());
        return views.html(views.page("portal/registrations")
                .data("rows", page.items().stream().map(Row::of).toList())
                .data("filters", filters)
                .data("statuses", STATUSES)
                .data("partners", partners.of(caller(), partnerId))
                .data("nextQuery", nextQuery(filters, page.nextCursor()))
                .data("paged", from != null));
    }

    /** The "Register a deal" form for an open lead in scope; a lead registered already leads to its registration. */
    @GET
    @Path("/new")
    public Response newRegistration(@QueryParam("lead") String rawLead) {
        Lead lead = leads.get(caller(), new LeadId(id(rawLead)));
        java.util.Optional<RegistrationView> live = registered(lead);
        if (live.isPresent()) {
            return views.redirect(
                    "/ui/registrations/" + live.get().registration().id());
        }
        Map<String, String> values = new HashMap<>();
        values.put("organization", lead.details().organization());
        values.put(
                "currency",
                lead.details().currency() == null ? "EUR" : lead.details().currency());
        if (lead.details().value() != null) {
            values.put("expected_value", lead.details().value().toPlainString());
        }
        if (lead.details().contactEmail() != null
                && lead.details().contactEmail().contains("@")) {
            values.put(
                    "domain",
                    lead.details()
                            .contactEmail()
                            .substring(lead.details().contactEmail().indexOf('@') + 1));
        }
        return views.html(form(lead, Map.of(), values, null));
    }

    @POST
    public Response create(MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        FormValues values = new FormValues(form);
        Lead lead = leads.get(caller(), new LeadId(id(values.text("lead"))));
        try {
            SubmitRegistrationUseCase.Submission submission = submission(values, true);
            String key = values.text("idempotency_key");
            RegistrationView created = submit.submit(
                            caller(),
                            lead.id(),
                            submission,
                            IdempotencyKey.of(
                                    key,
                                    () -> IdempotencyKey.hash(String.join(
                                                    "\u0000",
                                                    lead.id().toString(),
                                                    String.valueOf(submission.organization()),
                                                    String.valueOf(submission.registrationNumber()),
                                                    String.valueOf(submission.domain()),
                                                    String.valueOf(submission.expectedProducts()),
                                                    String.valueOf(submission.expectedValue()),
                                                    String.valueOf(submission.currency()))
                                            .getBytes(StandardCharsets.UTF_8))))
                    .value();
            return views.redirect("/ui/registrations/" + created.registration().id() + "?submitted=1");
        } catch (DomainException e) {
            return refused(e, 422, detail -> form(lead, views.fieldErrors(e), typed(form), detail));
        }
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") String rawId, @QueryParam("submitted") String submitted) {
        RegistrationId id = new RegistrationId(id(rawId));
        if (AccessPolicy.can(caller(), Capability.REGISTRATIONS_DECIDE)) {
            // staff (a notification's link) read it in the back office, with both sides of a conflict
            return views.redirect("/ui/review/" + id);
        }
        Row row = Row.of(query.get(caller(), id));
        return views.html(detailPage(row, Map.of(), values(row), null).data("submitted", submitted != null));
    }

    /** The partner answers a returned registration: the identifiers as now given and the answer to staff's question. */
    @POST
    @Path("/{id}/answer")
    public Response answer(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        RegistrationId id = new RegistrationId(id(rawId));
        Row row = Row.of(query.get(caller(), id));
        FormValues values = new FormValues(form);
        try {
            SubmitRegistrationUseCase.Submission submission = submission(values, false);
            submit.resubmit(caller(), id, submission, values.text("answer"), values.version());
            return views.redirect("/ui/registrations/" + id);
        } catch (DomainException e) {
            return refused(e, 422, detail -> detailPage(row, views.fieldErrors(e), typed(form), detail));
        }
    }

    /** The partner asks for the one extension: a later protection end and why. */
    @POST
    @Path("/{id}/extension")
    public Response extension(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        RegistrationId id = new RegistrationId(id(rawId));
        Row row = Row.of(query.get(caller(), id));
        FormValues values = new FormValues(form);
        try {
            Instant until = values.date("protection_ends_at");
            values.check();
            if (until == null) {
                throw DomainException.invalid("protection_ends_at", "is required");
            }
            submit.requestExtension(caller(), id, until, values.text("extension_reason"), values.version());
            return views.redirect("/ui/registrations/" + id);
        } catch (DomainException e) {
            DomainException named = e.violations().stream().anyMatch(v -> "reason".equals(v.field()))
                    ? renamed(e, "reason", "extension_reason")
                    : e;
            return refused(named, 422, detail -> detailPage(row, views.fieldErrors(named), typed(form), detail));
        }
    }

    /** The lead's registration that still claims its customer, if any (a rejected or expired one does not). */
    private java.util.Optional<RegistrationView> registered(Lead lead) {
        try {
            RegistrationView latest = query.ofLead(caller(), lead.id());
            return latest.registration().status().isLive() ? java.util.Optional.of(latest) : java.util.Optional.empty();
        } catch (DomainException none) {
            if (none.code() != com.tentabo.prm.domain.shared.ErrorCode.REGISTRATION_NOT_FOUND) {
                throw none;
            }
            return java.util.Optional.empty();
        }
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        return views.failure(e);
    }

    @ServerExceptionMapper
    public Response failed(Exception e) {
        return views.failure(e);
    }

    private TemplateInstance form(Lead lead, Map<String, String> errors, Map<String, String> values, String problem) {
        return views.page("portal/registration-form")
                .data("lead", lead)
                .data("errors", errors)
                .data("v", values)
                .data("problem", problem)
                .data("idempotencyKey", values.getOrDefault("idempotency_key", Csrf.random()));
    }

    private TemplateInstance detailPage(
            Row row, Map<String, String> errors, Map<String, String> values, String problem) {
        List<Step> history =
                query.history(caller(), row.id()).stream().map(Step::of).toList();
        return views.page("portal/registration")
                .data("r", row)
                .data("history", history)
                .data("errors", errors)
                .data("v", values)
                .data("problem", problem)
                .data("submitted", false);
    }

    /** The form's fields, read as the API reads its body; a value that cannot be read is refused with the others. */
    private static SubmitRegistrationUseCase.Submission submission(FormValues values, boolean withCurrency) {
        String organization = values.text("organization");
        String number = values.text("registration_number");
        String domain = values.text("domain");
        String products = values.text("expected_products");
        BigDecimal value = values.decimal("expected_value");
        String currency = withCurrency ? values.text("currency") : null;
        values.check();
        if (organization == null) {
            throw DomainException.invalid("organization", "must not be blank");
        }
        return new SubmitRegistrationUseCase.Submission(organization, number, domain, products, value, currency);
    }

    /** A refusal naming fields (or a bad request) is shown beside them; any other is the error page. */
    private Response refused(
            DomainException e, int status, java.util.function.Function<String, TemplateInstance> page) {
        if (e.code().kind() != ErrorKind.BAD_REQUEST && e.violations().isEmpty()) {
            throw e;
        }
        return views.html(status, page.apply(e.detail()));
    }

    private static DomainException renamed(DomainException e, String from, String to) {
        return new DomainException(
                e.code(),
                e.detail(),
                e.violations().stream()
                        .map(v -> from.equals(v.field())
                                ? new com.tentabo.prm.domain.shared.FieldViolation(to, v.message())
                                : v)
                        .toList());
    }

    private static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !k.startsWith("_")) {
                typed.put(k, v.get(0));
            }
        });
        return typed;
    }

    private static Map<String, String> values(Row r) {
        Map<String, String> v = new HashMap<>();
        v.put("organization", r.organization());
        v.put("registration_number", r.registrationNumber());
        v.put("domain", r.domain());
        v.put("expected_products", r.expectedProducts());
        v.put(
                "expected_value",
                r.expectedValue() == null ? null : r.expectedValue().toPlainString());
        v.values().removeIf(Objects::isNull);
        return v;
    }

    private static String nextQuery(Map<String, String> filters, String cursor) {
        if (cursor == null) {
            return null;
        }
        StringBuilder q = new StringBuilder();
        for (String key : List.of("status", "partner")) {
            if (!filters.get(key).isEmpty()) {
                q.append(key)
                        .append('=')
                        .append(URLEncoder.encode(filters.get(key), StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return q.append("cursor=")
                .append(URLEncoder.encode(cursor, StandardCharsets.UTF_8))
                .toString();
    }

    static RegistrationStatus status(String raw) {
        return Arrays.stream(RegistrationStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(raw.trim()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("status", "is not a registration status"));
    }
}
