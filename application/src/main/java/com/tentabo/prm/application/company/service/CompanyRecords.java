package com.tentabo.prm.application.company.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.in.CompanyCommand;
import com.tentabo.prm.application.company.port.out.CompanyRepository;
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
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.company.CompanyKind;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The use cases partners and distributors share (create, read in scope, list, update, delete), for one kind of
 * company: its repository, how a UUID becomes its id, and which of its ids a caller may read. The calling service
 * holds the transaction; audit actions are {@code <kind>.created|updated|deleted} on entity type {@code <kind>}.
 */
final class CompanyRecords<I extends CompanyId> {

    private final CompanyKind kind;
    private final CompanyRepository<I> companies;
    private final Function<UUID, I> idOf;
    private final Function<Caller, Set<I>> visibleIds;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    /**
     * @param visibleIds the ids of this kind the caller may read, or null for all
     */
    CompanyRecords(
            CompanyKind kind,
            CompanyRepository<I> companies,
            Function<UUID, I> idOf,
            Function<Caller, Set<I>> visibleIds,
            AuditRecorder audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.kind = kind;
        this.companies = companies;
        this.idOf = idOf;
        this.visibleIds = visibleIds;
        this.audit = audit;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    Created<Company<I>> create(Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        I id = idOf.apply(ids.newId());
        return idempotency.create(
                caller,
                "create-" + kind.entityType(),
                idempotencyKey,
                id.value(),
                existing -> readable(caller, idOf.apply(existing)),
                () -> {
                    checkRegistration(command, null);
                    Instant now = now();
                    Company<I> company =
                            Company.register(id, command.profile(), !Boolean.FALSE.equals(command.active()), now);
                    companies.save(company);
                    audit.record(
                            caller,
                            AuditChange.created(kind.entityType(), id.value(), company.asMap())
                                    .as(kind.entityType() + ".created"),
                            now);
                    return company;
                });
    }

    Company<I> get(Caller caller, I id) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        return readable(caller, id);
    }

    Page<Company<I>> list(Caller caller, String search, Boolean active, Integer limit, String cursor) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        return companies.list(
                new CompanyQuery(search, active, Cursor.limit(limit), Cursor.decode(cursor)), visibleIds.apply(caller));
    }

    Company<I> update(Caller caller, I id, CompanyCommand command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Company<I> before = forChange(id, expected);
        checkRegistration(command, id);
        Instant now = now();
        Company<I> after =
                before.revise(command.profile(), command.active() == null ? before.active() : command.active(), now);
        companies.save(after);
        audit.record(
                caller,
                AuditChange.changed(
                        kind.entityType() + ".updated", kind.entityType(), id.value(), before.asMap(), after.asMap()),
                now);
        return after;
    }

    void delete(Caller caller, I id, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Company<I> before = forChange(id, expected);
        if (companies.hasBusinessRecords(id)) {
            throw new DomainException(
                    ErrorCode.COMPANY_IN_USE,
                    kind.label() + " " + id
                            + " has leads, orders or contracts: deactivate it instead (is_active=false)");
        }
        companies.delete(id);
        audit.record(
                caller,
                AuditChange.deleted(kind.entityType(), id.value(), before.asMap())
                        .as(kind.entityType() + ".deleted"),
                now());
    }

    /** The company whatever the caller's scope (the caller's rights are checked by the use case). */
    Company<I> existing(I id) {
        return companies.findById(id).orElseThrow(() -> notFound(id));
    }

    /** The company if the caller may read it, else the kind's "not found". */
    Company<I> readable(Caller caller, I id) {
        Set<I> visible = visibleIds.apply(caller);
        if (visible != null && !visible.contains(id)) {
            throw notFound(id);
        }
        return existing(id);
    }

    /** The company, locked, and still the version the caller read when it sent {@code If-Match}. */
    private Company<I> forChange(I id, ExpectedVersion expected) {
        Company<I> company = companies.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
        expected.requireMatch(company.updatedAt());
        return company;
    }

    private DomainException notFound(I id) {
        return DomainException.notFound(kind.notFound(), kind.label(), id);
    }

    private void checkRegistration(CompanyCommand command, I self) {
        String number = command.profile().registrationNumber();
        if (number != null && companies.registrationNumberTaken(number, self)) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_VALUE,
                    "Another " + kind.entityType() + " already has registration number " + number,
                    List.of(new FieldViolation("registration_number", "is already taken")));
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
