package com.tentabo.prm.application.lead.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.company.service.ActiveAssignments;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.identity.service.AuthorLinks;
import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.lead.port.in.ManageLeadsUseCase;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.lead.StatusChange;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lead use cases. Every read and write by id checks the caller's scope (out of scope = LEAD_NOT_FOUND);
 * every mutation writes one audit row, every status change (creation included) one history row, in the same
 * transaction.
 */
@ApplicationScoped
@Transactional
public class LeadService implements ManageLeadsUseCase {

    private final LeadRepository leads;
    private final PartnerRepository partners;
    private final DistributorRepository distributors;
    private final ActiveAssignments assignments;
    private final UserRepository users;
    private final AuthorLinks authors;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;
    private final Notifier notifier;
    private final OutboxPublisher outbox;

    public LeadService(
            LeadRepository leads,
            PartnerRepository partners,
            DistributorRepository distributors,
            ActiveAssignments assignments,
            UserRepository users,
            AuthorLinks authors,
            AuditRecorder audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock,
            Notifier notifier,
            OutboxPublisher outbox) {
        this.notifier = notifier;
        this.outbox = outbox;
        this.leads = leads;
        this.partners = partners;
        this.distributors = distributors;
        this.assignments = assignments;
        this.users = users;
        this.authors = authors;
        this.audit = audit;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<Lead> create(Caller caller, CreateLead command, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        LeadId id = new LeadId(ids.newId());
        return idempotency.create(
                caller,
                "create-lead",
                idempotencyKey,
                id.value(),
                existing -> inScope(caller, new LeadId(existing)),
                () -> create(caller, command, id));
    }

    private Lead create(Caller caller, CreateLead command, LeadId id) {
        TenantRef tenant =
                AccessPolicy.stampTenant(caller, new TenantRef(command.partnerId(), command.distributorId()));
        if (caller.role() == Role.PARTNER) {
            List<DistributorId> distributorsOfPartner = distributors.activeDistributorsOf(caller.partnerId());
            if (distributorsOfPartner.size() == 1) {
                tenant = new TenantRef(tenant.partnerId(), distributorsOfPartner.get(0));
            }
        } else {
            if (tenant.partnerId() != null
                    && partners.findById(tenant.partnerId()).isEmpty()) {
                throw missing("partner_id", "Partner " + tenant.partnerId() + " does not exist");
            }
            if (tenant.distributorId() != null
                    && distributors.findById(tenant.distributorId()).isEmpty()) {
                throw missing("distributor_id", "Distributor " + tenant.distributorId() + " does not exist");
            }
            assignments.requireActive(tenant);
        }
        UserId author = authors.authorOf(caller);
        UserId owner = author;
        if (command.ownerId() != null && !command.ownerId().equals(author)) {
            AccessPolicy.require(caller, Capability.LEADS_REASSIGN);
            owner = existingUser(command.ownerId());
        }
        Instant now = now();
        Lead.Created created =
                Lead.create(id, new LeadHistoryId(ids.newId()), command.details(), owner, tenant, author, now);
        leads.save(created.lead());
        leads.appendHistory(created.history());
        audit.record(
                caller,
                AuditChange.created(
                                "lead",
                                created.lead().id().value(),
                                created.lead().asMap())
                        .as("lead.created"),
                now);
        if (!owner.equals(author)) {
            notifier.notify(NotificationEvents.leadAssigned(created.lead(), now));
        }
        return created.lead();
    }

    @Override
    public Lead get(Caller caller, LeadId id) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        return inScope(caller, id);
    }

    @Override
    public Page<Lead> list(Caller caller, ListLeads q) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        if (q.closeFrom() != null && q.closeTo() != null && q.closeFrom().isAfter(q.closeTo())) {
            throw DomainException.invalid("expected_close_from", "must not be after expected_close_to");
        }
        String search =
                q.search() == null || q.search().isBlank() ? null : q.search().strip();
        if (search != null && search.length() > 200) {
            throw DomainException.invalid("q", "must be at most 200 characters");
        }
        String provider = q.provider() == null || q.provider().isBlank()
                ? null
                : q.provider().strip().toLowerCase(Locale.ROOT);
        LeadQuery query = new LeadQuery(
                q.statuses(),
                q.ownerId(),
                q.partnerId(),
                q.distributorId(),
                q.closeFrom(),
                q.closeTo(),
                provider,
                search,
                Cursor.limit(q.limit()),
                Cursor.decode(q.cursor()));
        return leads.list(query, AccessPolicy.scopeOf(caller));
    }

    @Override
    public Map<LeadStatus, Page<Lead>> board(
            Caller caller, List<LeadStatus> columns, PartnerId partnerId, int perColumn) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        LeadQuery query =
                new LeadQuery(Set.of(), null, partnerId, null, null, null, null, null, Cursor.limit(perColumn), null);
        return leads.board(query, List.copyOf(columns), AccessPolicy.scopeOf(caller));
    }

    @Override
    public Lead update(Caller caller, LeadId id, LeadDetails details, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        Lead before = forChange(caller, id, expected);
        Instant now = now();
        Lead after = before.revise(details, now);
        leads.save(after);
        audit.record(
                caller, AuditChange.changed("lead.updated", "lead", id.value(), before.asMap(), after.asMap()), now);
        if (differ(before.details().value(), after.details().value())
                || !java.util.Objects.equals(
                        before.details().currency(), after.details().currency())) {
            writeBack(after, "value", null);
        }
        return after;
    }

    @Override
    public Lead reassign(Caller caller, LeadId id, UserId newOwnerId, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.LEADS_REASSIGN);
        Lead before = forChange(caller, id, expected);
        existingUser(newOwnerId);
        Instant now = now();
        Lead after = before.reassign(newOwnerId, now);
        leads.save(after);
        audit.record(
                caller, AuditChange.changed("lead.reassigned", "lead", id.value(), before.asMap(), after.asMap()), now);
        if (!newOwnerId.equals(before.ownerId()) && !newOwnerId.equals(authors.authorOf(caller))) {
            notifier.notify(NotificationEvents.leadAssigned(after, now));
        }
        if (!newOwnerId.equals(before.ownerId())) {
            writeBack(after, "owner", null);
        }
        return after;
    }

    @Override
    public void delete(Caller caller, LeadId id, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.LEADS_DELETE);
        Lead before = forChange(caller, id, expected);
        if (leads.hasOrders(id)) {
            throw new DomainException(ErrorCode.LEAD_IN_USE, "Lead " + id + " has orders and cannot be deleted");
        }
        leads.delete(id);
        audit.record(
                caller, AuditChange.deleted("lead", id.value(), before.asMap()).as("lead.deleted"), now());
    }

    @Override
    public Lead changeStatus(Caller caller, LeadId id, LeadStatus target, String reason, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.LEADS_WRITE);
        if (target == null) {
            throw DomainException.invalid("status", "is required");
        }
        if (reason != null && reason.length() > 2000) {
            throw DomainException.invalid("reason", "must be at most 2000 characters");
        }
        Lead before = forChange(caller, id, expected);
        UserId actor = authors.authorOf(caller);
        boolean admin = caller.role() == Role.ADMIN || caller.role() == Role.RESTRICTED_ADMIN;
        Instant now = now();
        Lead.Moved moved = before.moveTo(target, new LeadHistoryId(ids.newId()), actor, admin, reason, now);
        leads.save(moved.lead());
        leads.appendHistory(moved.history());
        AuditChange changes = AuditChange.changed(
                "lead.status_changed", "lead", id.value(), Map.of("status", before.status()), Map.of("status", target));
        if (moved.history().reason() != null) {
            changes = changes.with(Field.set("reason", moved.history().reason()));
        }
        audit.record(caller, changes, now);
        if (closed(before.status()) != closed(target)) {
            writeBack(
                    moved.lead(),
                    "status",
                    target == LeadStatus.LOST ? moved.history().reason() : null);
        }
        return moved.lead();
    }

    @Override
    public List<StatusChange> history(Caller caller, LeadId id) {
        AccessPolicy.require(caller, Capability.LEADS_READ);
        inScope(caller, id);
        return leads.history(id);
    }

    private static boolean closed(LeadStatus status) {
        return status == LeadStatus.WON || status == LeadStatus.LOST;
    }

    /**
     * A lead that came from a CRM goes back to it through the outbox (after this transaction commits): won or lost
     * (with the reason), reopened, its owner or its value. The delivery sends the lead as it is then, so several
     * changes in a row converge; leads created here are not in any CRM.
     */
    private void writeBack(Lead lead, String field, String lostReason) {
        if (Lead.OWN_PROVIDER.equals(lead.providerName()) || lead.providerId() == null) {
            return;
        }
        outbox.publish(new OutboxMessage(
                new OutboxEventId(ids.newId()),
                OutboxMessage.CRM_LEAD_UPDATED,
                "lead",
                lead.id().value(),
                new OutboxPayload.CrmLeadUpdated(lead.providerName(), lead.providerId(), field, lostReason)));
    }

    /** The lead in scope, locked, and still the version the caller read when it sent {@code If-Match}. */
    private Lead forChange(Caller caller, LeadId id, ExpectedVersion expected) {
        Lead lead = leads.findByIdForUpdate(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_NOT_FOUND, "Lead", id));
        AccessPolicy.requireInScope(caller, lead.tenant(), ErrorCode.LEAD_NOT_FOUND, "Lead", id);
        expected.requireMatch(lead.updatedAt());
        return lead;
    }

    private Lead inScope(Caller caller, LeadId id) {
        Lead lead =
                leads.findById(id).orElseThrow(() -> DomainException.notFound(ErrorCode.LEAD_NOT_FOUND, "Lead", id));
        AccessPolicy.requireInScope(caller, lead.tenant(), ErrorCode.LEAD_NOT_FOUND, "Lead", id);
        return lead;
    }

    private UserId existingUser(UserId userId) {
        if (users.findById(userId).isEmpty()) {
            throw missing("owner_id", "User " + userId + " does not exist");
        }
        return userId;
    }

    private static DomainException missing(String field, String detail) {
        return new DomainException(
                ErrorCode.REFERENCED_RECORD_MISSING, detail, List.of(new FieldViolation(field, "does not exist")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether two amounts differ in value: 1.5 and 1.50 are the same amount. */
    private static boolean differ(BigDecimal a, BigDecimal b) {
        return (a == null || b == null) ? (a == null) != (b == null) : a.compareTo(b) != 0;
    }
}
