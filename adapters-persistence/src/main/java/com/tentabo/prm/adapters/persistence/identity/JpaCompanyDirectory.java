package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.adapters.persistence.company.DistributorEntity;
import com.tentabo.prm.adapters.persistence.company.PartnerEntity;
import com.tentabo.prm.application.identity.port.out.CompanyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

@ApplicationScoped
public class JpaCompanyDirectory implements CompanyDirectory {

    private final EntityManager em;

    public JpaCompanyDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean partnerExists(UUID partnerId) {
        return em.find(PartnerEntity.class, partnerId) != null;
    }

    @Override
    public boolean distributorExists(UUID distributorId) {
        return em.find(DistributorEntity.class, distributorId) != null;
    }
}
