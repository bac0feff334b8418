package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.adapters.persistence.catalog.CatalogRowsSql;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.application.order.port.out.OrderPlacementDirectory;
import com.tentabo.prm.domain.access.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Sends three statements in one round trip on the connection of the current transaction: the next order number with
 * the existence of the partner, of the distributor and of an active assignment between them, then the catalog rows of
 * {@link CatalogRowsSql}.
 */
@ApplicationScoped
public class JdbcOrderPlacementDirectory implements OrderPlacementDirectory {

    static final String SQL = "SELECT nextval('order_number_seq'), "
            + "EXISTS (SELECT 1 FROM partners WHERE id = ?), EXISTS (SELECT 1 FROM distributors WHERE id = ?), "
            + "EXISTS (SELECT 1 FROM distributor_partners WHERE partner_id = ? AND distributor_id = ? AND is_active); "
            + CatalogRowsSql.SQL;

    private final EntityManager em;

    public JdbcOrderPlacementDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Facts read(TenantRef tenant, Collection<UUID> productIds, Collection<UUID> durationIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> read(connection, tenant, productIds, durationIds));
    }

    static Facts read(Connection connection, TenantRef tenant, Collection<UUID> productIds, Collection<UUID> durationIds)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SQL)) {
            st.setObject(1, tenant.partnerId());
            st.setObject(2, tenant.distributorId());
            st.setObject(3, tenant.partnerId());
            st.setObject(4, tenant.distributorId());
            CatalogRowsSql.bind(connection, st, 5, productIds, durationIds);
            st.execute();
            long number;
            boolean partner;
            boolean distributor;
            boolean assigned;
            try (ResultSet rs = st.getResultSet()) {
                if (!rs.next()) {
                    throw new SQLException("the order number query returned no row");
                }
                number = rs.getLong(1);
                partner = rs.getBoolean(2);
                distributor = rs.getBoolean(3);
                assigned = rs.getBoolean(4);
            }
            if (!st.getMoreResults()) {
                throw new SQLException("the catalog rows are missing");
            }
            PricingCatalogDirectory.Rows catalog = CatalogRowsSql.readRows(st);
            return new Facts(catalog, partner, distributor, assigned, number);
        }
    }
}
