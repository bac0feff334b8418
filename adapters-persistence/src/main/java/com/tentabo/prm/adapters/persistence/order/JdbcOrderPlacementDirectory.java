package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.adapters.persistence.catalog.CatalogCache;
import com.tentabo.prm.adapters.persistence.registration.JdbcProgrammeRepository;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.application.order.port.out.OrderPlacementDirectory;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Sends two statements in one round trip on the connection of the current transaction: the next order number with
 * the existence of the partner, of the distributor and of an active assignment between them and the catalog's
 * revision, then the partner's current programme level. The catalog rows come from the {@link CatalogCache} when it
 * holds them at that revision (a second round trip reads them otherwise).
 */
@ApplicationScoped
public class JdbcOrderPlacementDirectory implements OrderPlacementDirectory {

    static final String SQL = "SELECT nextval('order_number_seq'), "
            + "EXISTS (SELECT 1 FROM partners WHERE id = ?), EXISTS (SELECT 1 FROM distributors WHERE id = ?), "
            + "EXISTS (SELECT 1 FROM distributor_partners WHERE partner_id = ? AND distributor_id = ? AND is_active), "
            + "(" + CatalogCache.REVISION_SQL + "); "
            + JdbcProgrammeRepository.LEVEL
            + " WHERE id = (SELECT level_id FROM partner_levels WHERE partner_id = ? AND valid_to IS NULL)";

    private final EntityManager em;
    private final CatalogCache catalog;

    public JdbcOrderPlacementDirectory(EntityManager em, CatalogCache catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    @Override
    public Facts read(TenantRef tenant, Collection<ProductId> productIds, Collection<DurationId> durationIds) {
        return em.unwrap(Session.class)
                .doReturningWork(connection -> read(connection, catalog, tenant, productIds, durationIds));
    }

    static Facts read(
            Connection connection,
            CatalogCache catalog,
            TenantRef tenant,
            Collection<ProductId> productIds,
            Collection<DurationId> durationIds)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SQL)) {
            UUID partnerId = EntityId.uuid(tenant.partnerId());
            UUID distributorId = EntityId.uuid(tenant.distributorId());
            st.setObject(1, partnerId);
            st.setObject(2, distributorId);
            st.setObject(3, partnerId);
            st.setObject(4, distributorId);
            st.setObject(5, partnerId);
            st.execute();
            long number;
            boolean partner;
            boolean distributor;
            boolean assigned;
            long revision;
            try (ResultSet rs = st.getResultSet()) {
                if (!rs.next()) {
                    throw new SQLException("the order number query returned no row");
                }
                number = rs.getLong(1);
                partner = rs.getBoolean(2);
                distributor = rs.getBoolean(3);
                assigned = rs.getBoolean(4);
                revision = rs.getLong(5);
            }
            if (!st.getMoreResults()) {
                throw new SQLException("the programme level row is missing");
            }
            ProgrammeLevel level;
            try (ResultSet rs = st.getResultSet()) {
                level = rs.next() ? JdbcProgrammeRepository.level(rs) : null;
            }
            PricingCatalogDirectory.Rows rows = catalog.rowsAt(connection, revision, productIds, durationIds);
            return new Facts(rows, partner, distributor, assigned, level, number);
        }
    }
}
