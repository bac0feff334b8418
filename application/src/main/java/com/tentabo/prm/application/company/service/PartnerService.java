package com.tentabo.prm.application.company.service;

import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.port.in.CompanyCommand;
import com.tentabo.prm.application.company.port.in.ManagePartnersUseCase;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.company.CompanyKind;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;

/**
 * Partners. Read scope: admins all; a PARTNER user its own partner; a DISTRIBUTOR user its actively assigned
 * partners; anything else is "not found". Writes need COMPANIES_WRITE.
 */
@ApplicationScoped
@Transactional
public class PartnerService implements ManagePartnersUseCase {

    private final CompanyRecords<PartnerId> partners;

    public PartnerService(
            PartnerRepository partners,
            AuditRecorder audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.partners = new CompanyRecords<>(
                CompanyKind.PARTNER,
                partners,
                PartnerId::new,
                PartnerService::visibleIds,
                audit,
                ids,
                idempotency,
                clock);
    }

    @Override
    public Created<Company<PartnerId>> create(Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey) {
        return partners.create(caller, command, idempotencyKey);
    }

    @Override
    public Company<PartnerId> get(Caller caller, PartnerId id) {
        return partners.get(caller, id);
    }

    @Override
    public Page<Company<PartnerId>> list(Caller caller, String search, Boolean active, Integer limit, String cursor) {
        return partners.list(caller, search, active, limit, cursor);
    }

    @Override
    public Company<PartnerId> update(Caller caller, PartnerId id, CompanyCommand command, ExpectedVersion expected) {
        return partners.update(caller, id, command, expected);
    }

    @Override
    public void delete(Caller caller, PartnerId id, ExpectedVersion expected) {
        partners.delete(caller, id, expected);
    }

    /** Partner ids the caller may read, or null for all. */
    private static Set<PartnerId> visibleIds(Caller caller) {
        return switch (caller.role()) {
            case PARTNER -> Set.of(caller.partnerId());
            case DISTRIBUTOR -> caller.assignedPartnerIds();
            case ADMIN, RESTRICTED_ADMIN, FULFILLER -> null;
        };
    }
}
