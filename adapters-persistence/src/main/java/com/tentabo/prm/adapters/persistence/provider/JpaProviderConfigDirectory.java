package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;

@ApplicationScoped
public class JpaProviderConfigDirectory implements ProviderConfigDirectory {

    private final EntityManager em;

    public JpaProviderConfigDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> activeProviderName(ProviderType type) {
        return em.createQuery("select p.providerName from ProviderConfigEntity p where p.providerType = :type "
                        + "and p.isActive = true", String.class)
                .setParameter("type", type).setMaxResults(1).getResultStream().findFirst();
    }
}
