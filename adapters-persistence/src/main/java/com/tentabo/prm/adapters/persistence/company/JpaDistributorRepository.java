package com.tentabo.prm.adapters.persistence.company;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Distributor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class JpaDistributorRepository implements DistributorRepository {

    private final EntityManager em;

    public JpaDistributorRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Distributor> findById(UUID id) {
        return Optional.ofNullable(em.find(DistributorEntity.class, id)).map(JpaDistributorRepository::restore);
    }

    @Override
    public Optional<Distributor> findByIdForUpdate(UUID id) {
        return Optional.ofNullable(
                        em.find(DistributorEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(JpaDistributorRepository::restore);
    }

    @Override
    public boolean registrationNumberTaken(String registrationNumber, UUID exceptId) {
        return em.createQuery(
                        "select c.id from DistributorEntity c where upper(c.registrationNumber) = :number", UUID.class)
                .setParameter("number", registrationNumber.toUpperCase(java.util.Locale.ROOT))
                .getResultStream()
                .anyMatch(id -> !id.equals(exceptId));
    }

    @Override
    public void save(Distributor distributor) {
        DistributorEntity e = em.find(DistributorEntity.class, distributor.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new DistributorEntity();
            e.id = distributor.id();
            e.createdAt = distributor.createdAt();
        }
        CompanyRows.save(em, e, isNew, distributor.profile(), distributor.active(), distributor.updatedAt());
    }

    @Override
    public void delete(UUID id) {
        DistributorEntity e = em.find(DistributorEntity.class, id);
        if (e != null) {
            em.remove(e);
            em.flush();
        }
    }

    @Override
    public boolean hasBusinessRecords(UUID id) {
        return CompanyRows.exists(
                em,
                "SELECT 1 FROM leads WHERE distributor_id = ?1 UNION ALL SELECT 1 FROM orders WHERE distributor_id = ?1"
                        + " UNION ALL SELECT 1 FROM contracts WHERE distributor_id = ?1 UNION ALL SELECT 1 FROM users WHERE distributor_id = ?1",
                id);
    }

    @Override
    public Page<Distributor> list(CompanyQuery query, Set<UUID> onlyIds) {
        return CompanyRows.list(
                em,
                DistributorEntity.class,
                query,
                onlyIds,
                JpaDistributorRepository::restore,
                p -> p.profile().name(),
                Distributor::id);
    }

    static Distributor restore(DistributorEntity e) {
        return new Distributor(e.id, CompanyRows.profile(e), Boolean.TRUE.equals(e.isActive), e.createdAt, e.updatedAt);
    }

    @Override
    public Optional<Assignment> findAssignment(UUID distributorId, UUID partnerId) {
        return em.createQuery(
                        "select a from DistributorPartnerEntity a where a.distributorId = :d and a.partnerId = :p",
                        DistributorPartnerEntity.class)
                .setParameter("d", distributorId)
                .setParameter("p", partnerId)
                .getResultStream()
                .findFirst()
                .map(JpaDistributorRepository::restore);
    }

    @Override
    public void saveAssignment(Assignment a) {
        DistributorPartnerEntity e = em.find(DistributorPartnerEntity.class, a.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new DistributorPartnerEntity();
            e.id = a.id();
            e.createdAt = a.createdAt();
        }
        e.distributorId = a.distributorId();
        e.partnerId = a.partnerId();
        e.assignedAt = a.assignedAt();
        e.assignedBy = a.assignedBy();
        e.isActive = a.active();
        e.notes = a.notes();
        e.updatedAt = a.updatedAt();
        if (isNew) {
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public void deleteAssignment(UUID assignmentId) {
        DistributorPartnerEntity e = em.find(DistributorPartnerEntity.class, assignmentId);
        if (e != null) {
            em.remove(e);
            em.flush();
        }
    }

    @Override
    public List<Assignment> assignmentsOf(UUID distributorId, Boolean active) {
        return em.createQuery(
                        "select a from DistributorPartnerEntity a where a.distributorId = :d"
                                + " order by a.assignedAt, a.id",
                        DistributorPartnerEntity.class)
                .setParameter("d", distributorId)
                .getResultStream()
                .filter(e -> active == null || active.equals(e.isActive))
                .map(JpaDistributorRepository::restore)
                .toList();
    }

    @Override
    public List<Assignment> assignmentsOfPartner(UUID partnerId) {
        return em.createQuery(
                        "select a from DistributorPartnerEntity a where a.partnerId = :p"
                                + " order by a.assignedAt, a.id",
                        DistributorPartnerEntity.class)
                .setParameter("p", partnerId)
                .getResultStream()
                .map(JpaDistributorRepository::restore)
                .toList();
    }

    @Override
    public List<UUID> activeDistributorsOf(UUID partnerId) {
        return em.createQuery(
                        "select a.distributorId from DistributorPartnerEntity a where a.partnerId = :p and a.isActive = true"
                                + " order by a.distributorId",
                        UUID.class)
                .setParameter("p", partnerId)
                .getResultList();
    }

    static Assignment restore(DistributorPartnerEntity e) {
        return new Assignment(
                e.id,
                e.distributorId,
                e.partnerId,
                e.assignedAt,
                e.assignedBy,
                Boolean.TRUE.equals(e.isActive),
                e.notes,
                e.createdAt,
                e.updatedAt);
    }
}
