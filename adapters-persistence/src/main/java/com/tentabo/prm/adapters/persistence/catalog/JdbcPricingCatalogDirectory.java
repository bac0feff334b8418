package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.Collection;
import java.util.UUID;

/** Products with tiers and durations in one round trip, on the connection of the current transaction. */
@ApplicationScoped
public class JdbcPricingCatalogDirectory implements PricingCatalogDirectory {

    private final EntityManager em;

    public JdbcPricingCatalogDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Rows read(Collection<UUID> productIds, Collection<UUID> durationIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> CatalogRowsSql.read(connection, productIds, durationIds));
    }
}
