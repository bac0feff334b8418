package com.tentabo.prm.adapters.persistence.company;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Partner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class JpaPartnerRepository implements PartnerRepository {

    private final EntityManager em;

    public JpaPartnerRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Partner> findById(UUID id) {
        return Optional.ofNullable(em.find(PartnerEntity.class, id)).map(JpaPartnerRepository::restore);
    }

    @Override
    public Optional<Partner> findByIdForUpdate(UUID id) {
        return Optional.ofNullable(em.find(PartnerEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(JpaPartnerRepository::restore);
    }

    @Override
    public boolean registrationNumberTaken(String registrationNumber, UUID exceptId) {
        return em.createQuery(
                        "select c.id from PartnerEntity c where upper(c.registrationNumber) = :number", UUID.class)
                .setParameter("number", registrationNumber.toUpperCase(java.util.Locale.ROOT))
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptId));
    }

    @Override
    public void save(Partner partner) {
        PartnerEntity e = em.find(PartnerEntity.class, partner.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new PartnerEntity();
            e.id = partner.id();
            e.createdAt = partner.createdAt();
        }
        CompanyRows.save(em, e, isNew, partner.profile(), partner.active(), partner.updatedAt());
    }

    @Override
    public void delete(UUID id) {
        PartnerEntity e = em.find(PartnerEntity.class, id);
        if (e != null) {
            em.remove(e);
            em.flush();
        }
    }

    @Override
    public boolean hasBusinessRecords(UUID id) {
        return CompanyRows.exists(
                em,
                "SELECT 1 FROM leads WHERE partner_id = ?1 UNION ALL SELECT 1 FROM orders WHERE partner_id = ?1"
                        + " UNION ALL SELECT 1 FROM contracts WHERE partner_id = ?1 UNION ALL SELECT 1 FROM users WHERE partner_id = ?1",
                id);
    }

    @Override
    public Page<Partner> list(CompanyQuery query, Set<UUID> onlyIds) {
        return CompanyRows.list(
                em,
                PartnerEntity.class,
                query,
                onlyIds,
                JpaPartnerRepository::restore,
                p -> p.profile().name(),
                Partner::id);
    }

    static Partner restore(PartnerEntity e) {
        return new Partner(e.id, CompanyRows.profile(e), Boolean.TRUE.equals(e.isActive), e.createdAt, e.updatedAt);
    }
}
