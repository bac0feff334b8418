package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsolePages;
import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.adapters.web.support.FormValues;
import com.tentabo.prm.adapters.web.support.Views;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.OrderFlag;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.registration.port.in.DecideRegistrationUseCase;
import com.tentabo.prm.application.registration.port.in.QueryRegistrationsUseCase;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.registration.ConflictKind;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The review queue of deal registrations (ADMIN and RESTRICTED_ADMIN): what waits for a decision — SUBMITTED
 * registrations, the strongest conflict finding first, then the oldest — the extension requests, and the orders other
 * partners placed for a protected customer. A registration's page shows it side by side with the other partners'
 * records that claim the same customer (checked when the page is read, with the rule that matched), its history,
 * and the decisions: approve, reject or return, and grant or refuse the extension, each with a reason (required).
 *
 * <p>Every read and decision goes through the registration use cases, which refuse other roles (403); the page only
 * checks the same capability first so that a partner reading a staff URL learns nothing either.
 */
@Path("/ui/review")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ReviewQueuePage extends ConsolePages {

    static final int LIST_PAGE = 25;
    /** Extension requests and flagged orders shown on the queue (the longest waiting, the newest flags). */
    static final int SIDE_LISTS = 25;

    private final DecideRegistrationUseCase decide;
    private final QueryRegistrationsUseCase query;
    private final ManagePartnersUseCase partners;
    private final ManageDistributorsUseCase distributors;

    public ReviewQueuePage(
            ConsoleRequest request,
            Views views,
            DecideRegistrationUseCase decide,
            QueryRegistrationsUseCase query,
            ManagePartnersUseCase partners,
            ManageDistributorsUseCase distributors) {
        super(request, views);
        this.decide = decide;
        this.query = query;
        this.partners = partners;
        this.distributors = distributors;
    }

    /** A registration as staff read it in the queue and on its page, with the name of the partner (or distributor). */
    public record Row(
            RegistrationId id,
            UUID leadId,
            String owner,
            RegistrationStatus status,
            ConflictKind conflict,
            String organization,
            String registrationNumber,
            String domain,
            String expectedProducts,
            BigDecimal expectedValue,
            String currency,
            Instant submittedAt,
            Instant protectionEndsAt,
            Instant extensionRequestedUntil,
            String extensionRequestReason,
            boolean extended,
            String decisionReason,
            String version) {

        static Row of(Registration r, String owner) {
            return new Row(
                    r.id(),
                    r.leadId().value(),
                    owner,
                    r.status(),
                    r.conflict(),
                    r.customer().organization(),
                    r.customer().registrationNumber(),
                    r.customer().domain(),
                    r.expectedProducts(),
                    r.expectedValue(),
                    r.currency(),
                    r.submittedAt(),
                    r.protectionEndsAt(),
                    r.extensionRequestedUntil(),
                    r.extensionRequestReason(),
                    r.extended(),
                    r.decisionReason(),
                    ExpectedVersion.tagOf(r.updatedAt()));
        }

        public String conflictKey() {
            return "review_conflict_" + conflict.name().toLowerCase(Locale.ROOT);
        }

        public String statusKey() {
            return "review_status_" + status.name().toLowerCase(Locale.ROOT);
        }

        public boolean decidable() {
            return status == RegistrationStatus.SUBMITTED;
        }

        public boolean extensionPending() {
            return status == RegistrationStatus.APPROVED && extensionRequestedUntil != null;
        }

        /** Another partner's claim stands in the way: the page says so above the decision. */
        public boolean contested() {
            return conflict == ConflictKind.CONFLICT || conflict == ConflictKind.INCUMBENT;
        }
    }

    /** The other side of a conflict: one record of another partner, why it matched, and where staff read it. */
    public record Other(Match match, String link) {

        static Other of(Match m) {
            String link = switch (m.kind()) {
                case Match.LEAD -> "/ui/leads/" + m.id();
                case Match.REGISTRATION -> "/ui/review/" + m.id();
                default -> "/ui/contracts/" + m.id();
            };
            return new Other(m, link);
        }

        public String kindKey() {
            return "review_kind_" + match.kind();
        }

        /** The status's label: a registration's is this bundle's, a lead's or a contract's the console's own. */
        public String statusKey() {
            String prefix = switch (match.kind()) {
                case Match.REGISTRATION -> "review_status_";
                case Match.LEAD -> "lead_status_";
                default -> "contract_status_";
            };
            return prefix + match.status().toLowerCase(Locale.ROOT);
        }

        public boolean registration() {
            return Match.REGISTRATION.equals(match.kind());
        }

        public String reasonKey() {
            return "review_reason_" + match.reason().name().toLowerCase(Locale.ROOT);
        }

        public String owner() {
            return match.partnerName() != null ? match.partnerName() : "—";
        }
    }

    /** An order flagged against a protected registration, with both partners' names. */
    public record Flag(OrderFlag flag, String protecting, String ordering) {}

    /** One step of the history, with its label (the portal's) and its reason. */
    public record Step(String actionKey, RegistrationStatus from, RegistrationStatus to, String reason, Instant at) {
        static Step of(HistoryEntry h) {
            return new Step("registration_action_" + h.action(), h.fromStatus(), h.toStatus(), h.reason(), h.at());
        }
    }

    @GET
    public Response queue(@QueryParam("cursor") String cursor, @QueryParam("decided") String decided) {
        AccessPolicy.require(caller(), Capability.REGISTRATIONS_DECIDE);
        String from = cursor == null || cursor.isBlank() ? null : cursor;
        Page<RegistrationView> page = decide.reviewQueue(caller(), LIST_PAGE, from);
        Names names = new Names();
        List<Row> rows = page.items().stream()
                .map(v -> Row.of(v.registration(), names.of(v.registration().tenant())))
                .toList();
        List<Row> extensions = decide.extensionRequests(caller(), SIDE_LISTS).stream()
                .map(v -> Row.of(v.registration(), names.of(v.registration().tenant())))
                .toList();
        List<Flag> flags = decide.flaggedOrders(caller(), SIDE_LISTS).stream()
                .map(f -> new Flag(
                        f,
                        names.of(TenantRef.of(f.protectingPartnerId(), null)),
                        names.of(TenantRef.of(f.orderPartnerId(), null))))
                .toList();
        Row done = null;
        if (decided != null && !decided.isBlank()) {
            RegistrationView view = query.get(caller(), new RegistrationId(id(decided)));
            done = Row.of(view.registration(), names.of(view.registration().tenant()));
        }
        return views.html(views.page("backoffice/review-queue")
                .data("rows", rows)
                .data("extensions", extensions)
                .data("flags", flags)
                .data("decided", done)
                .data(
                        "nextQuery",
                        page.nextCursor() == null
                                ? null
                                : "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8))
                .data("paged", from != null));
    }

    @GET
    @Path("/{id}")
    public Response registration(@PathParam("id") String rawId) {
        AccessPolicy.require(caller(), Capability.REGISTRATIONS_DECIDE);
        return views.html(detail(new RegistrationId(id(rawId)), Map.of(), Map.of(), null));
    }

    /** Approve, reject or return, with the reason the partner will read. */
    @POST
    @Path("/{id}/decision")
    public Response decision(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        // the role first: a refused form re-shows the staff page, which only staff may read
        AccessPolicy.require(caller(), Capability.REGISTRATIONS_DECIDE);
        RegistrationId id = new RegistrationId(id(rawId));
        FormValues values = new FormValues(form);
        try {
            DecideRegistrationUseCase.Decision decision = decision(values.text("decision"));
            decide.decide(caller(), id, decision, values.text("reason"), values.version());
            return views.redirect("/ui/review?decided=" + id);
        } catch (DomainException e) {
            return beside(views, e, () -> detail(id, views.fieldErrors(e), typed(form), e.detail()));
        }
    }

    /** Grant (the new end asked for) or refuse the extension, with a reason. */
    @POST
    @Path("/{id}/extension")
    public Response extension(@PathParam("id") String rawId, MultivaluedMap<String, String> form) {
        request.requireCsrf(form);
        // the role first: a refused form re-shows the staff page, which only staff may read
        AccessPolicy.require(caller(), Capability.REGISTRATIONS_DECIDE);
        RegistrationId id = new RegistrationId(id(rawId));
        FormValues values = new FormValues(form);
        try {
            String grant = values.text("grant");
            if (!"true".equals(grant) && !"false".equals(grant)) {
                throw DomainException.invalid("grant", "choose to grant or to refuse");
            }
            decide.decideExtension(
                    caller(), id, Boolean.parseBoolean(grant), values.text("extension_reason"), values.version());
            return views.redirect("/ui/review?decided=" + id);
        } catch (DomainException e) {
            Map<String, String> errors = new HashMap<>(views.fieldErrors(e));
            if (errors.containsKey("reason")) {
                errors.put("extension_reason", errors.remove("reason"));
            }
            return beside(views, e, () -> detail(id, errors, typed(form), e.detail()));
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

    private TemplateInstance detail(
            RegistrationId id, Map<String, String> errors, Map<String, String> values, String problem) {
        RegistrationView view = query.get(caller(), id);
        Names names = new Names();
        Row row = Row.of(view.registration(), names.of(view.registration().tenant()));
        List<Other> others = view.matches() == null
                ? List.of()
                : view.matches().stream().map(Other::of).toList();
        List<Step> history = query.history(caller(), id).stream().map(Step::of).toList();
        return views.page("backoffice/review-registration")
                .data("r", row)
                .data("others", others)
                .data("history", history)
                .data("orders", view.orderIds() == null ? List.of() : view.orderIds())
                .data("flagged", view.flaggedOrderIds() == null ? List.of() : view.flaggedOrderIds())
                .data("errors", errors)
                .data("v", values)
                .data("problem", problem);
    }

    /**
     * A refusal naming fields (or a bad request) is shown beside them on the page, with what was typed (422); any
     * other is the error page.
     */
    static Response beside(Views views, DomainException e, java.util.function.Supplier<TemplateInstance> page) {
        if (e.code().kind() != ErrorKind.BAD_REQUEST && e.violations().isEmpty()) {
            throw e;
        }
        return views.html(422, page.get());
    }

    /** What the form held, to show again beside the refusal (never the CSRF token). */
    static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> {
            if (!v.isEmpty() && !"_csrf".equals(k)) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    private static DecideRegistrationUseCase.Decision decision(String raw) {
        if (raw == null) {
            throw DomainException.invalid("decision", "must be approve, reject or return");
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "approve" -> DecideRegistrationUseCase.Decision.APPROVE;
            case "reject" -> DecideRegistrationUseCase.Decision.REJECT;
            case "return" -> DecideRegistrationUseCase.Decision.RETURN;
            default -> throw DomainException.invalid("decision", "must be approve, reject or return");
        };
    }

    /** The names of partners and distributors, each read once per page (through the company use cases). */
    private final class Names {
        private final Map<CompanyId, String> known = new HashMap<>();

        String of(TenantRef tenant) {
            if (tenant.partnerId() != null) {
                return known.computeIfAbsent(
                        tenant.partnerId(),
                        id -> name(() -> partners.get(caller(), tenant.partnerId())
                                .profile()
                                .name()));
            }
            if (tenant.distributorId() != null) {
                return known.computeIfAbsent(
                        tenant.distributorId(),
                        id -> name(() -> distributors
                                .get(caller(), tenant.distributorId())
                                .profile()
                                .name()));
            }
            return "—";
        }

        private String name(java.util.function.Supplier<String> read) {
            try {
                return read.get();
            } catch (DomainException gone) {
                return "—";
            }
        }
    }
}
