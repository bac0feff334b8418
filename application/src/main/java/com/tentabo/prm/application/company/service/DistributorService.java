package com.tentabo.prm.application.company.service;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.in.CompanyCommand;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
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
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Distributor;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Distributors and assignments. Read scope: admins all; a DISTRIBUTOR user its own distributor (and its
 * assignments); PARTNER users none. Writes need COMPANIES_WRITE.
 */
@ApplicationScoped
@Transactional
public class DistributorService implements ManageDistributorsUseCase {

    private final DistributorRepository distributors;
    private final PartnerRepository partners;
    private final AuditLogRepository audit;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public DistributorService(
            DistributorRepository distributors,
            PartnerRepository partners,
            AuditLogRepository audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.distributors = distributors;
        this.partners = partners;
        this.audit = audit;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<Distributor> create(Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        UUID id = ids.newId();
        return idempotency.create(
                caller, "create-distributor", idempotencyKey, id, existing -> readable(caller, existing), () -> {
                    checkRegistration(command, null);
                    Instant now = now();
                    Distributor d =
                            Distributor.register(id, command.profile(), !Boolean.FALSE.equals(command.active()), now);
                    distributors.save(d);
                    audit.append(AuditEntry.by(
                            caller,
                            ids.newId(),
                            "distributor.created",
                            "distributor",
                            d.id(),
                            Changes.created(d.asMap()),
                            now));
                    return d;
                });
    }

    @Override
    public Distributor get(Caller caller, UUID id) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        return readable(caller, id);
    }

    @Override
    public Page<Distributor> list(Caller caller, String search, Boolean active, Integer limit, String cursor) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        return distributors.list(
                new CompanyQuery(search, active, Cursor.limit(limit), Cursor.decode(cursor)), visibleIds(caller));
    }

    @Override
    public Distributor update(Caller caller, UUID id, CompanyCommand command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Distributor before = forChange(id, expected);
        checkRegistration(command, id);
        Instant now = now();
        Distributor after =
                before.revise(command.profile(), command.active() == null ? before.active() : command.active(), now);
        distributors.save(after);
        audit.append(AuditEntry.by(
                caller,
                ids.newId(),
                "distributor.updated",
                "distributor",
                id,
                Changes.diff(before.asMap(), after.asMap()),
                now));
        return after;
    }

    @Override
    public void delete(Caller caller, UUID id, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Distributor before = forChange(id, expected);
        if (distributors.hasBusinessRecords(id)) {
            throw new DomainException(
                    ErrorCode.COMPANY_IN_USE,
                    "Distributor " + id + " has leads, orders or contracts: deactivate it instead (is_active=false)");
        }
        distributors.delete(id);
        audit.append(AuditEntry.by(
                caller, ids.newId(), "distributor.deleted", "distributor", id, Changes.deleted(before.asMap()), now()));
    }

    @Override
    public Assignment assign(Caller caller, UUID distributorId, UUID partnerId, String notes) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        existing(distributorId);
        if (partners.findById(partnerId).isEmpty()) {
            throw new DomainException(
                    ErrorCode.REFERENCED_RECORD_MISSING,
                    "Partner " + partnerId + " does not exist",
                    List.of(new FieldViolation("partner_id", "does not exist")));
        }
        if (distributors.findAssignment(distributorId, partnerId).isPresent()) {
            throw new DomainException(
                    ErrorCode.ASSIGNMENT_EXISTS,
                    "Partner " + partnerId
                            + " is already assigned to this distributor; reactivate the assignment instead");
        }
        if (notes != null && notes.length() > 10_000) {
            throw DomainException.invalid("notes", "must be at most 10000 characters");
        }
        Instant now = now();
        UUID assignedBy = caller.kind() == PrincipalKind.ADMIN_USER ? caller.principalId() : null;
        Assignment a = Assignment.assign(ids.newId(), distributorId, partnerId, assignedBy, notes, now);
        distributors.saveAssignment(a);
        audit.append(AuditEntry.by(
                caller,
                ids.newId(),
                "assignment.created",
                "distributor_partner",
                a.id(),
                Changes.created(a.asMap()),
                now));
        return a;
    }

    @Override
    public List<Assignment> assignments(Caller caller, UUID distributorId, Boolean active) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        readable(caller, distributorId);
        return distributors.assignmentsOf(distributorId, active);
    }

    @Override
    public List<Assignment> assignmentsOfPartner(Caller caller, UUID partnerId) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        if (!AccessPolicy.inScope(caller, new TenantRef(partnerId, null))
                || partners.findById(partnerId).isEmpty()) {
            throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", partnerId);
        }
        Set<UUID> visible = visibleIds(caller);
        return distributors.assignmentsOfPartner(partnerId).stream()
                .filter(a -> visible == null || visible.contains(a.distributorId()))
                .toList();
    }

    @Override
    public Assignment setAssignmentActive(Caller caller, UUID distributorId, UUID partnerId, boolean active) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Assignment before = assignment(distributorId, partnerId);
        Instant now = now();
        Assignment after = before.withActive(active, now);
        distributors.saveAssignment(after);
        audit.append(AuditEntry.by(
                caller,
                ids.newId(),
                active ? "assignment.activated" : "assignment.deactivated",
                "distributor_partner",
                after.id(),
                Changes.diff(before.asMap(), after.asMap()),
                now));
        return after;
    }

    @Override
    public void unassign(Caller caller, UUID distributorId, UUID partnerId) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Assignment before = assignment(distributorId, partnerId);
        distributors.deleteAssignment(before.id());
        audit.append(AuditEntry.by(
                caller,
                ids.newId(),
                "assignment.deleted",
                "distributor_partner",
                before.id(),
                Changes.deleted(before.asMap()),
                now()));
    }

    private Assignment assignment(UUID distributorId, UUID partnerId) {
        existing(distributorId);
        return distributors
                .findAssignment(distributorId, partnerId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.ASSIGNMENT_NOT_FOUND,
                        "Partner " + partnerId + " is not assigned to distributor " + distributorId));
    }

    /** The distributor, locked, and still the version the caller read when it sent {@code If-Match}. */
    private Distributor forChange(UUID id, ExpectedVersion expected) {
        Distributor distributor = distributors
                .findByIdForUpdate(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.DISTRIBUTOR_NOT_FOUND, "Distributor", id));
        expected.requireMatch(distributor.updatedAt());
        return distributor;
    }

    private Distributor existing(UUID id) {
        return distributors
                .findById(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.DISTRIBUTOR_NOT_FOUND, "Distributor", id));
    }

    private Distributor readable(Caller caller, UUID id) {
        Set<UUID> visible = visibleIds(caller);
        if (visible != null && !visible.contains(id)) {
            throw DomainException.notFound(ErrorCode.DISTRIBUTOR_NOT_FOUND, "Distributor", id);
        }
        return existing(id);
    }

    private static Set<UUID> visibleIds(Caller caller) {
        return switch (caller.role()) {
            case PARTNER -> Set.of();
            case DISTRIBUTOR -> Set.of(caller.distributorId());
            case ADMIN, RESTRICTED_ADMIN, FULFILLER -> null;
        };
    }

    private void checkRegistration(CompanyCommand command, UUID self) {
        String number = command.profile().registrationNumber();
        if (number != null && distributors.registrationNumberTaken(number, self)) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_VALUE,
                    "Another distributor already has registration number " + number,
                    List.of(new FieldViolation("registration_number", "is already taken")));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
