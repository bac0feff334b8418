package com.tentabo.prm.application.company.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.port.in.CompanyCommand;
import com.tentabo.prm.application.company.port.in.ManageDistributorsUseCase;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.company.CompanyKind;
import com.tentabo.prm.domain.id.AssignmentId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Distributors and assignments. Read scope: admins all; a DISTRIBUTOR user its own distributor (and its
 * assignments); PARTNER users none. Writes need COMPANIES_WRITE.
 */
@ApplicationScoped
@Transactional
public class DistributorService implements ManageDistributorsUseCase {

    private final CompanyRecords<DistributorId> distributors;
    private final DistributorRepository assignments;
    private final PartnerRepository partners;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    public DistributorService(
            DistributorRepository distributors,
            PartnerRepository partners,
            AuditRecorder audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.distributors = new CompanyRecords<>(
                CompanyKind.DISTRIBUTOR,
                distributors,
                DistributorId::new,
                DistributorService::visibleIds,
                audit,
                ids,
                idempotency,
                clock);
        this.assignments = distributors;
        this.partners = partners;
        this.audit = audit;
        this.ids = ids;
    }

    @Override
    public Created<Company<DistributorId>> create(
            Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey) {
        return distributors.create(caller, command, idempotencyKey);
    }

    @Override
    public Company<DistributorId> get(Caller caller, DistributorId id) {
        return distributors.get(caller, id);
    }

    @Override
    public Page<Company<DistributorId>> list(
            Caller caller, String search, Boolean active, Integer limit, String cursor) {
        return distributors.list(caller, search, active, limit, cursor);
    }

    @Override
    public Company<DistributorId> update(
            Caller caller, DistributorId id, CompanyCommand command, ExpectedVersion expected) {
        return distributors.update(caller, id, command, expected);
    }

    @Override
    public void delete(Caller caller, DistributorId id, ExpectedVersion expected) {
        distributors.delete(caller, id, expected);
    }

    @Override
    public Assignment assign(Caller caller, DistributorId distributorId, PartnerId partnerId, String notes) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        distributors.existing(distributorId);
        if (partners.findById(partnerId).isEmpty()) {
            throw new DomainException(
                    ErrorCode.REFERENCED_RECORD_MISSING,
                    "Partner " + partnerId + " does not exist",
                    List.of(new FieldViolation("partner_id", "does not exist")));
        }
        if (assignments.findAssignment(distributorId, partnerId).isPresent()) {
            throw new DomainException(
                    ErrorCode.ASSIGNMENT_EXISTS,
                    "Partner " + partnerId
                            + " is already assigned to this distributor; reactivate the assignment instead");
        }
        if (notes != null && notes.length() > 10_000) {
            throw DomainException.invalid("notes", "must be at most 10000 characters");
        }
        Instant now = now();
        Assignment a = Assignment.assign(
                new AssignmentId(ids.newId()), distributorId, partnerId, caller.adminUserId(), notes, now);
        assignments.saveAssignment(a);
        audit.record(
                caller,
                AuditChange.created("distributor_partner", a.id().value(), a.asMap())
                        .as("assignment.created"),
                now);
        return a;
    }

    @Override
    public List<Assignment> assignments(Caller caller, DistributorId distributorId, Boolean active) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        distributors.readable(caller, distributorId);
        return assignments.assignmentsOf(distributorId, active);
    }

    @Override
    public List<Assignment> assignmentsOfPartner(Caller caller, PartnerId partnerId) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        if (!AccessPolicy.inScope(caller, new TenantRef(partnerId, null))
                || partners.findById(partnerId).isEmpty()) {
            throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", partnerId);
        }
        Set<DistributorId> visible = visibleIds(caller);
        return assignments.assignmentsOfPartner(partnerId).stream()
                .filter(a -> visible == null || visible.contains(a.distributorId()))
                .toList();
    }

    @Override
    public Assignment setAssignmentActive(
            Caller caller, DistributorId distributorId, PartnerId partnerId, boolean active) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Assignment before = assignment(distributorId, partnerId);
        Instant now = now();
        Assignment after = before.withActive(active, now);
        assignments.saveAssignment(after);
        audit.record(
                caller,
                AuditChange.changed(
                        active ? "assignment.activated" : "assignment.deactivated",
                        "distributor_partner",
                        after.id().value(),
                        before.asMap(),
                        after.asMap()),
                now);
        return after;
    }

    @Override
    public void unassign(Caller caller, DistributorId distributorId, PartnerId partnerId) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Assignment before = assignment(distributorId, partnerId);
        assignments.deleteAssignment(before.id());
        audit.record(
                caller,
                AuditChange.deleted("distributor_partner", before.id().value(), before.asMap())
                        .as("assignment.deleted"),
                now());
    }

    private Assignment assignment(DistributorId distributorId, PartnerId partnerId) {
        distributors.existing(distributorId);
        return assignments
                .findAssignment(distributorId, partnerId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.ASSIGNMENT_NOT_FOUND,
                        "Partner " + partnerId + " is not assigned to distributor " + distributorId));
    }

    private Instant now() {
        return distributors.now();
    }

    /** Distributor ids the caller may read, or null for all. */
    private static Set<DistributorId> visibleIds(Caller caller) {
        return switch (caller.role()) {
            case PARTNER -> Set.of();
            case DISTRIBUTOR -> Set.of(caller.distributorId());
            case ADMIN, RESTRICTED_ADMIN, FULFILLER -> null;
        };
    }
}
