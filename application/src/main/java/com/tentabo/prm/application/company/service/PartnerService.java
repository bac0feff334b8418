package com.tentabo.prm.application.company.service;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.in.CompanyCommand;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
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
import com.tentabo.prm.domain.company.Partner;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Partners. Read scope: admins all; a PARTNER user its own partner; a DISTRIBUTOR user its actively assigned
 * partners; anything else is "not found". Writes need COMPANIES_WRITE.
 */
@ApplicationScoped
@Transactional
public class PartnerService implements ManagePartnersUseCase {

    private final PartnerRepository partners;
    private final AuditLogRepository audit;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public PartnerService(
            PartnerRepository partners,
            AuditLogRepository audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.partners = partners;
        this.audit = audit;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<Partner> create(Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        UUID id = ids.newId();
        return idempotency.create(
                caller, "create-partner", idempotencyKey, id, existing -> readable(caller, existing), () -> {
                    checkRegistration(command, null);
                    Instant now = now();
                    Partner partner =
                            Partner.register(id, command.profile(), !Boolean.FALSE.equals(command.active()), now);
                    partners.save(partner);
                    audit.append(AuditEntry.by(
                            caller,
                            ids.newId(),
                            "partner.created",
                            "partner",
                            partner.id(),
                            Changes.created(partner.asMap()),
                            now));
                    return partner;
                });
    }

    @Override
    public Partner get(Caller caller, UUID id) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        return readable(caller, id);
    }

    @Override
    public Page<Partner> list(Caller caller, String search, Boolean active, Integer limit, String cursor) {
        AccessPolicy.require(caller, Capability.COMPANIES_READ);
        return partners.list(
                new CompanyQuery(search, active, Cursor.limit(limit), Cursor.decode(cursor)), visibleIds(caller));
    }

    @Override
    public Partner update(Caller caller, UUID id, CompanyCommand command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Partner before = forChange(id, expected);
        checkRegistration(command, id);
        Instant now = now();
        Partner after =
                before.revise(command.profile(), command.active() == null ? before.active() : command.active(), now);
        partners.save(after);
        audit.append(AuditEntry.by(
                caller,
                ids.newId(),
                "partner.updated",
                "partner",
                id,
                Changes.diff(before.asMap(), after.asMap()),
                now));
        return after;
    }

    @Override
    public void delete(Caller caller, UUID id, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.COMPANIES_WRITE);
        Partner before = forChange(id, expected);
        if (partners.hasBusinessRecords(id)) {
            throw new DomainException(
                    ErrorCode.COMPANY_IN_USE,
                    "Partner " + id + " has leads, orders or contracts: deactivate it instead (is_active=false)");
        }
        partners.delete(id);
        audit.append(AuditEntry.by(
                caller, ids.newId(), "partner.deleted", "partner", id, Changes.deleted(before.asMap()), now()));
    }

    /** The partner, locked, and still the version the caller read when it sent {@code If-Match}. */
    private Partner forChange(UUID id, ExpectedVersion expected) {
        Partner partner = partners.findByIdForUpdate(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", id));
        expected.requireMatch(partner.updatedAt());
        return partner;
    }

    private Partner readable(Caller caller, UUID id) {
        Set<UUID> visible = visibleIds(caller);
        if (visible != null && !visible.contains(id)) {
            throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", id);
        }
        return partners.findById(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", id));
    }

    /** Partner ids the caller may read, or null for all. */
    static Set<UUID> visibleIds(Caller caller) {
        return switch (caller.role()) {
            case PARTNER -> Set.of(caller.partnerId());
            case DISTRIBUTOR -> caller.assignedPartnerIds();
            case ADMIN, RESTRICTED_ADMIN, FULFILLER -> null;
        };
    }

    private void checkRegistration(CompanyCommand command, UUID self) {
        String number = command.profile().registrationNumber();
        if (number != null && partners.registrationNumberTaken(number, self)) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_VALUE,
                    "Another partner already has registration number " + number,
                    java.util.List.of(new com.tentabo.prm.domain.shared.FieldViolation(
                            "registration_number", "is already taken")));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
