package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import org.hibernate.Session;

/**
 * Products with tiers and durations on the connection of the current transaction: the catalog's revision, then the
 * rows from the {@link CatalogCache} when it holds them at that revision, or from the database.
 */
@ApplicationScoped
public class JdbcPricingCatalogDirectory implements PricingCatalogDirectory {

    private final EntityManager em;
    private final CatalogCache cache;

    public JdbcPricingCatalogDirectory(EntityManager em, CatalogCache cache) {
        this.em = em;
        this.cache = cache;
    }

    @Override
    public Rows read(Collection<ProductId> productIds, Collection<DurationId> durationIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> cache.read(connection, productIds, durationIds));
    }
}
