package com.tentabo.prm.adapters.persistence.company;

import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Partners in table {@code partners}. */
@ApplicationScoped
public class JpaPartnerRepository extends JpaCompanies<PartnerId, PartnerEntity> implements PartnerRepository {

    public JpaPartnerRepository(EntityManager em) {
        super(
                em,
                PartnerEntity.class,
                PartnerEntity::new,
                PartnerId::new,
                "SELECT 1 FROM leads WHERE partner_id = ?1 UNION ALL SELECT 1 FROM orders WHERE partner_id = ?1"
                        + " UNION ALL SELECT 1 FROM contracts WHERE partner_id = ?1 UNION ALL SELECT 1 FROM users WHERE partner_id = ?1");
    }
}
