package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Partner;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** {@link PartnerRepository} in memory. */
public class InMemoryPartners implements PartnerRepository {

    private final CompanyRows<Partner> rows = new CompanyRows<>(Partner::id, Partner::profile, Partner::active);

    /** Says which partners have leads, orders or contracts (none by default). */
    public InMemoryPartners businessRecords(Predicate<UUID> hasRecords) {
        rows.businessRecords(hasRecords);
        return this;
    }

    @Override
    public Optional<Partner> findById(UUID id) {
        return rows.find(id);
    }

    @Override
    public Optional<Partner> findByIdForUpdate(UUID id) {
        return rows.find(id);
    }

    @Override
    public boolean registrationNumberTaken(String registrationNumber, UUID exceptId) {
        return rows.registrationNumberTaken(registrationNumber, exceptId);
    }

    @Override
    public void save(Partner partner) {
        rows.save(partner);
    }

    @Override
    public void delete(UUID id) {
        rows.delete(id);
    }

    @Override
    public boolean hasBusinessRecords(UUID id) {
        return rows.hasBusinessRecords(id);
    }

    @Override
    public Page<Partner> list(CompanyQuery query, Set<UUID> onlyIds) {
        return rows.list(query, onlyIds);
    }
}
