package com.tentabo.prm.adapters.persistence.access;

import com.tentabo.prm.application.access.port.out.ScopeDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class JpaScopeDirectory implements ScopeDirectory {

    private final EntityManager em;

    public JpaScopeDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<UUID> activePartnerIdsOf(UUID distributorId) {
        return new HashSet<>(em.createQuery("select dp.partnerId from DistributorPartnerEntity dp "
                        + "where dp.distributorId = :distributorId and dp.isActive = true", UUID.class)
                .setParameter("distributorId", distributorId).getResultList());
    }
}
