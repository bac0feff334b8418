package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
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
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(CatalogRowsSql.SQL)) {
                CatalogRowsSql.bind(connection, st, 1, productIds, durationIds);
                st.execute();
                return CatalogRowsSql.readRows(st);
            }
        });
    }
}
