package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.adapters.persistence.company.DistributorEntity;
import com.tentabo.prm.adapters.persistence.company.PartnerEntity;
import com.tentabo.prm.application.identity.port.out.CompanyDirectory;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

@ApplicationScoped
public class JpaCompanyDirectory implements CompanyDirectory {

    private final EntityManager em;

    public JpaCompanyDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean partnerExists(PartnerId partnerId) {
        return em.find(PartnerEntity.class, partnerId.value()) != null;
    }

    @Override
    public boolean distributorExists(DistributorId distributorId) {
        return em.find(DistributorEntity.class, distributorId.value()) != null;
    }
}
