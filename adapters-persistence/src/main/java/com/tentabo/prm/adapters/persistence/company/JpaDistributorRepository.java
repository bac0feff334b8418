package com.tentabo.prm.adapters.persistence.company;

import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AssignmentId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Distributors in table {@code distributors}, and their partner assignments in {@code distributor_partners}. */
@ApplicationScoped
public class JpaDistributorRepository extends JpaCompanies<DistributorId, DistributorEntity>
        implements DistributorRepository {

    public JpaDistributorRepository(EntityManager em) {
        super(
                em,
                DistributorEntity.class,
                DistributorEntity::new,
                DistributorId::new,
                "SELECT 1 FROM leads WHERE distributor_id = ?1 UNION ALL SELECT 1 FROM orders WHERE distributor_id = ?1"
                        + " UNION ALL SELECT 1 FROM contracts WHERE distributor_id = ?1 UNION ALL SELECT 1 FROM users WHERE distributor_id = ?1");
    }

    @Override
    public Optional<Assignment> findAssignment(DistributorId distributorId, PartnerId partnerId) {
        return em.createQuery(
                        "select a from DistributorPartnerEntity a where a.distributorId = :d and a.partnerId = :p",
                        DistributorPartnerEntity.class)
                .setParameter("d", distributorId.value())
                .setParameter("p", partnerId.value())
                .getResultStream()
                .findFirst()
                .map(JpaDistributorRepository::restore);
    }

    @Override
    public void saveAssignment(Assignment a) {
        DistributorPartnerEntity e = em.find(DistributorPartnerEntity.class, a.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new DistributorPartnerEntity();
            e.id = a.id().value();
            e.createdAt = a.createdAt();
        }
        e.distributorId = a.distributorId().value();
        e.partnerId = a.partnerId().value();
        e.assignedAt = a.assignedAt();
        e.assignedBy = EntityId.uuid(a.assignedBy());
        e.isActive = a.active();
        e.notes = a.notes();
        e.updatedAt = a.updatedAt();
        if (isNew) {
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public void deleteAssignment(AssignmentId assignmentId) {
        DistributorPartnerEntity e = em.find(DistributorPartnerEntity.class, assignmentId.value());
        if (e != null) {
            em.remove(e);
            em.flush();
        }
    }

    @Override
    public List<Assignment> assignmentsOf(DistributorId distributorId, Boolean active) {
        return em.createQuery(
                        "select a from DistributorPartnerEntity a where a.distributorId = :d"
                                + " order by a.assignedAt, a.id",
                        DistributorPartnerEntity.class)
                .setParameter("d", distributorId.value())
                .getResultStream()
                .filter(e -> active == null || active.equals(e.isActive))
                .map(JpaDistributorRepository::restore)
                .toList();
    }

    @Override
    public List<Assignment> assignmentsOfPartner(PartnerId partnerId) {
        return em.createQuery(
                        "select a from DistributorPartnerEntity a where a.partnerId = :p"
                                + " order by a.assignedAt, a.id",
                        DistributorPartnerEntity.class)
                .setParameter("p", partnerId.value())
                .getResultStream()
                .map(JpaDistributorRepository::restore)
                .toList();
    }

    @Override
    public List<DistributorId> activeDistributorsOf(PartnerId partnerId) {
        return em.createQuery(
                        "select a.distributorId from DistributorPartnerEntity a where a.partnerId = :p and a.isActive = true"
                                + " order by a.distributorId",
                        UUID.class)
                .setParameter("p", partnerId.value())
                .getResultStream()
                .map(DistributorId::new)
                .toList();
    }

    static Assignment restore(DistributorPartnerEntity e) {
        return new Assignment(
                new AssignmentId(e.id),
                new DistributorId(e.distributorId),
                new PartnerId(e.partnerId),
                e.assignedAt,
                AdminUserId.ofNullable(e.assignedBy),
                Boolean.TRUE.equals(e.isActive),
                e.notes,
                e.createdAt,
                e.updatedAt);
    }
}
