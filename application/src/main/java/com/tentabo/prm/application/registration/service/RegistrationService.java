package com.tentabo.prm.application.registration.service;

import com.tentabo.prm.application.audit.AuditAuthor;
import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.AuditFields;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.OrderFlag;
import com.tentabo.prm.application.registration.RegistrationSettings;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.registration.port.in.DecideRegistrationUseCase;
import com.tentabo.prm.application.registration.port.in.ExpireRegistrationsUseCase;
import com.tentabo.prm.application.registration.port.in.QueryRegistrationsUseCase;
import com.tentabo.prm.application.registration.port.in.SubmitRegistrationUseCase;
import com.tentabo.prm.application.registration.port.out.ProgrammeRepository;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.RegistrationHistoryId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.CustomerIdentity;
import com.tentabo.prm.domain.registration.Registration;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deal registrations: submission with the conflict check, staff decisions, the one extension, expiry; every step in
 * the registration's history and the audit log (entity type {@code registration}). What a reader sees is decided here
 * ({@link #view}): the conflict finding and the other partners' claims only ever reach staff.
 */
@ApplicationScoped
@Transactional
public class RegistrationService
        implements SubmitRegistrationUseCase,
                DecideRegistrationUseCase,
                QueryRegistrationsUseCase,
                ExpireRegistrationsUseCase {

    static final String ENTITY = "registration";
    private final RegistrationRepository registrations;
    private final ProgrammeRepository programme;
    private final LeadRepository leads;
    private final ConflictCheck conflicts;
    private final IdempotentCreates idempotency;
    private final AuditRecorder audit;
    private final RegistrationSettings settings;
    private final IdGenerator ids;
    private final Clock clock;
    private final Notifier notifier;

    public RegistrationService(
            RegistrationRepository registrations,
            ProgrammeRepository programme,
            LeadRepository leads,
            ConflictCheck conflicts,
            IdempotentCreates idempotency,
            AuditRecorder audit,
            RegistrationSettings settings,
            IdGenerator ids,
            Clock clock,
            Notifier notifier) {
        this.notifier = notifier;
        this.registrations = registrations;
        this.programme = programme;
        this.leads = leads;
        this.conflicts = conflicts;
        this.idempotency = idempotency;
        this.audit = audit;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- partner side

    @Override
    public Created<RegistrationView> submit(Caller caller, LeadId leadId, Submission submission, IdempotencyKey key) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_SUBMIT);
        Lead lead = leadInScope(caller, leadId);
        RegistrationId id = new RegistrationId(ids.newId());
        Created<Registration> created = idempotency.create(
                caller,
                "submit-registration",
                key,
                id.value(),
                existing -> load(caller, new RegistrationId(existing)),
                () -> submit(caller, lead, submission, id));
        return new Created<>(view(caller, created.value()), created.replayed());
    }

    private Registration submit(Caller caller, Lead lead, Submission submission, RegistrationId id) {
        if (!lead.status().isOpen()) {
            throw new DomainException(
                    ErrorCode.BUSINESS_RULE_VIOLATED,
                    "Only an open lead can be registered; this lead is "
                            + lead.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (registrations.findLiveForLead(lead.id()).isPresent()) {
            throw new DomainException(ErrorCode.REGISTRATION_EXISTS, "The lead is registered already");
        }
        CustomerIdentity customer = identity(lead, submission);
        Instant now = clock.instant();
        Registration registration = Registration.submit(
                id,
                lead.id(),
                lead.tenant(),
                submitter(caller),
                customer,
                submission.expectedProducts(),
                submission.expectedValue(),
                currency(lead, submission),
                conflicts.kindOf(customer, lead.tenant(), now),
                now);
        registrations.insert(registration);
        record(caller, registration, "submit", null, null, AuditFields.created(summary(registration)), now);
        return registration;
    }

    @Override
    public RegistrationView resubmit(
            Caller caller,
            RegistrationId registrationId,
            Submission submission,
            String answer,
            ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_SUBMIT);
        Registration before = forChange(caller, registrationId, expected);
        Lead lead = leadInScope(caller, before.leadId());
        CustomerIdentity customer = identity(lead, submission);
        Instant now = clock.instant();
        String reason = Registration.requireReason(answer);
        Registration after = before.resubmit(
                customer,
                submission.expectedProducts(),
                submission.expectedValue() != null ? submission.expectedValue() : before.expectedValue(),
                conflicts.kindOf(customer, before.tenant(), now),
                now);
        save(before, after);
        record(
                caller,
                after,
                "resubmit",
                before.status(),
                reason,
                AuditFields.diff(summary(before), summary(after)),
                now);
        return view(caller, after);
    }

    @Override
    public RegistrationView requestExtension(
            Caller caller, RegistrationId registrationId, Instant until, String reason, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_SUBMIT);
        Registration before = forChange(caller, registrationId, expected);
        Instant now = clock.instant();
        Registration after = before.requestExtension(until, reason, now);
        save(before, after);
        record(
                caller,
                after,
                "request_extension",
                before.status(),
                after.extensionRequestReason(),
                AuditFields.diff(
                        Map.of("extension_requested_until", "null"),
                        Map.of("extension_requested_until", String.valueOf(until))),
                now);
        return view(caller, after);
    }

    // ---------------------------------------------------------------- staff side

    @Override
    public RegistrationView decide(
            Caller caller, RegistrationId registrationId, Decision decision, String reason, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_DECIDE);
        if (decision == null) {
            throw DomainException.invalid("decision", "must be approve, reject or return");
        }
        Registration before = forChange(caller, registrationId, expected);
        Instant now = clock.instant();
        Registration after = switch (decision) {
            case APPROVE -> before.approve(reason, protectionDays(before), now);
            case REJECT -> before.reject(reason, now);
            case RETURN -> before.returnToPartner(reason, now);
        };
        save(before, after);
        record(
                caller,
                after,
                decision.name().toLowerCase(java.util.Locale.ROOT),
                before.status(),
                after.decisionReason(),
                AuditFields.diff(summary(before), summary(after)),
                now);
        return view(caller, after);
    }

    @Override
    public RegistrationView decideExtension(
            Caller caller, RegistrationId registrationId, boolean grant, String reason, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_DECIDE);
        Registration before = forChange(caller, registrationId, expected);
        Instant now = clock.instant();
        Registration after = before.decideExtension(grant, reason, now);
        save(before, after);
        record(
                caller,
                after,
                grant ? "grant_extension" : "refuse_extension",
                before.status(),
                after.decisionReason(),
                AuditFields.diff(summary(before), summary(after)),
                now);
        return view(caller, after);
    }

    @Override
    public int expireDue() {
        Instant now = clock.instant();
        List<RegistrationId> expired = registrations.expireDue(now);
        for (RegistrationId id : expired) {
            registrations.appendHistory(new HistoryEntry(
                    new RegistrationHistoryId(ids.newId()),
                    id,
                    "expire",
                    RegistrationStatus.APPROVED,
                    RegistrationStatus.EXPIRED,
                    "protection window ended",
                    null,
                    null,
                    now));
            audit.recordByWorker(
                    "registration-expiry-job",
                    new AuditChange(
                            "expire", ENTITY, id.value(), List.of(Field.changed("status", "APPROVED", "EXPIRED"))),
                    now);
            registrations.findById(id).ifPresent(r -> notifier.notify(NotificationEvents.registrationExpired(r)));
        }
        return expired.size();
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Page<RegistrationView> list(Caller caller, RegistrationRepository.Filter filter) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_READ);
        boolean staff = AccessPolicy.can(caller, Capability.REGISTRATIONS_DECIDE) || isStaff(caller);
        if (!staff && filter.conflict() != null) {
            throw DomainException.invalid("conflict", "is a staff filter");
        }
        Page<Registration> page = registrations.list(filter, AccessPolicy.scopeOf(caller));
        return new Page<>(
                page.items().stream()
                        .map(r -> new RegistrationView(r, staff, null, null, null))
                        .toList(),
                page.nextCursor());
    }

    @Override
    public RegistrationView get(Caller caller, RegistrationId registrationId) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_READ);
        return view(caller, load(caller, registrationId));
    }

    @Override
    public RegistrationView ofLead(Caller caller, LeadId leadId) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_READ);
        leadInScope(caller, leadId);
        Registration r = registrations
                .findLatestForLead(leadId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.REGISTRATION_NOT_FOUND, "The lead " + leadId + " has no registration"));
        return view(caller, r);
    }

    @Override
    public List<HistoryEntry> history(Caller caller, RegistrationId registrationId) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_READ);
        load(caller, registrationId);
        return registrations.history(registrationId);
    }

    @Override
    public Page<RegistrationView> reviewQueue(Caller caller, Integer limit, String cursor) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_DECIDE);
        Page<Registration> page =
                registrations.awaitingDecision(com.tentabo.prm.application.shared.Cursor.limit(limit), cursor);
        return new Page<>(
                page.items().stream()
                        .map(r -> new RegistrationView(r, true, null, null, null))
                        .toList(),
                page.nextCursor());
    }

    @Override
    public List<RegistrationView> extensionRequests(Caller caller, int limit) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_DECIDE);
        return registrations.extensionRequests(com.tentabo.prm.application.shared.Cursor.limit(limit)).stream()
                .map(r -> new RegistrationView(r, true, null, null, null))
                .toList();
    }

    @Override
    public List<OrderFlag> flaggedOrders(Caller caller, int limit) {
        AccessPolicy.require(caller, Capability.REGISTRATIONS_DECIDE);
        return registrations.recentOrderFlags(com.tentabo.prm.application.shared.Cursor.limit(limit));
    }

    // ---------------------------------------------------------------- helpers

    /** Staff see the conflict side by side (checked now); partners and distributors never. */
    RegistrationView view(Caller caller, Registration r) {
        List<OrderId> orders = registrations.ordersOf(r.id());
        if (!isStaff(caller)) {
            return new RegistrationView(r, false, null, orders, null);
        }
        List<Match> matches = conflicts.matches(r.customer(), r.tenant());
        return new RegistrationView(r, true, matches, orders, registrations.flaggedOrders(r.id()));
    }

    static boolean isStaff(Caller caller) {
        return switch (caller.role()) {
            case ADMIN, RESTRICTED_ADMIN -> true;
            default -> false;
        };
    }

    private Registration load(Caller caller, RegistrationId id) {
        Registration r = registrations
                .findById(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.REGISTRATION_NOT_FOUND, "Registration", id));
        return requireVisible(caller, r);
    }

    private Registration requireVisible(Caller caller, Registration r) {
        AccessPolicy.requireInScope(caller, r.tenant(), ErrorCode.REGISTRATION_NOT_FOUND, "Registration", r.id());
        return r;
    }

    private Registration forChange(Caller caller, RegistrationId id, ExpectedVersion expected) {
        Registration r = registrations
                .findByIdForUpdate(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.REGISTRATION_NOT_FOUND, "Registration", id));
        requireVisible(caller, r);
        expected.requireMatch(r.updatedAt());
        return r;
    }

    private void save(Registration before, Registration after) {
        if (!registrations.update(after, before.version())) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_MODIFICATION, "The registration changed meanwhile; read it again");
        }
    }

    private Lead leadInScope(Caller caller, LeadId leadId) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        Lead lead = leads.findById(leadId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_NOT_FOUND, "Lead", leadId));
        AccessPolicy.requireInScope(caller, lead.tenant(), ErrorCode.LEAD_NOT_FOUND, "Lead", leadId);
        return lead;
    }

    private static CustomerIdentity identity(Lead lead, Submission s) {
        String organization = s.organization() == null ? lead.details().organization() : s.organization();
        return CustomerIdentity.of(organization, s.registrationNumber(), s.domain());
    }

    private String currency(Lead lead, Submission s) {
        String currency = s.currency() != null
                ? s.currency()
                : lead.details().currency() != null ? lead.details().currency() : null;
        if (currency == null) {
            return s.expectedValue() == null ? null : "EUR";
        }
        if (!currency.matches("[A-Za-z]{3}")) {
            throw DomainException.invalid("currency", "must be an ISO 4217 code of 3 letters");
        }
        return currency.toUpperCase(java.util.Locale.ROOT);
    }

    private int protectionDays(Registration r) {
        if (r.tenant().partnerId() == null) {
            return settings.defaultProtectionDays();
        }
        return programme
                .currentAssignment(r.tenant().partnerId())
                .flatMap(a -> programme.findLevel(a.levelId()))
                .map(l -> l.protectionDays())
                .orElse(settings.defaultProtectionDays());
    }

    private static UserId submitter(Caller caller) {
        return caller.isAdminAccount() ? caller.userId() : caller.userPrincipalId();
    }

    private void record(
            Caller caller,
            Registration after,
            String action,
            RegistrationStatus from,
            String reason,
            List<Field> changes,
            Instant now) {
        AuditAuthor author = AuditAuthor.of(caller);
        registrations.appendHistory(new HistoryEntry(
                new RegistrationHistoryId(ids.newId()),
                after.id(),
                action,
                from,
                after.status(),
                reason,
                author.userId(),
                EntityId.uuid(author.adminUserId()),
                now));
        audit.record(author, new AuditChange(action, ENTITY, after.id().value(), changes), now);
        NotificationEvents.registrationMoved(after, action, reason, now).forEach(notifier::notify);
    }

    static Map<String, Object> summary(Registration r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", r.status().name());
        fields.put("lead_id", r.leadId().toString());
        fields.put("organization", r.customer().organization());
        fields.put("registration_number", r.customer().registrationNumber());
        fields.put("domain", r.customer().domain());
        fields.put(
                "expected_value",
                r.expectedValue() == null ? null : r.expectedValue().toPlainString());
        fields.put("conflict", r.conflict().name());
        fields.put(
                "protection_ends_at",
                r.protectionEndsAt() == null ? null : r.protectionEndsAt().toString());
        fields.put("extended", r.extended());
        return fields;
    }

    /** Used by {@link ConflictCheck}: the strongest finding among matches, as of {@code now}. */
    static ConflictKind kindOf(List<Match> matches, Instant now) {
        ConflictKind kind = ConflictKind.NONE;
        for (Match m : matches) {
            ConflictKind k = switch (m.kind()) {
                case Match.CONTRACT -> ConflictKind.INCUMBENT;
                case Match.REGISTRATION ->
                    "APPROVED".equals(m.status())
                                    && m.protectionEndsAt() != null
                                    && m.protectionEndsAt().isAfter(now)
                            ? ConflictKind.CONFLICT
                            : ConflictKind.OVERLAP;
                default -> ConflictKind.OVERLAP;
            };
            kind = kind.strongest(k);
        }
        return kind;
    }
}
