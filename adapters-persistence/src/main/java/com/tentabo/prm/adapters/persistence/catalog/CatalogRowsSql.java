package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.adapters.persistence.shared.BooleanStringConverter;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pricing read over plain JDBC: products with their tiers (one joined statement, tiers in the order the entity
 * repository reads them) and durations. Pricing is on the path of every quote and every order item, so these rows
 * are read in statements that a caller can send in one round trip with others ({@link #bind}, {@link #readRows}).
 */
public final class CatalogRowsSql {

    /** Two statements, one parameter each (product ids, duration ids): first products with tiers, then durations. */
    public static final String SQL = "SELECT p.id, p.name, p.type, p.unit, p.description, p.is_active, p.pricing_mode, "
            + "p.created_at, p.updated_at, t.min_quantity, t.max_quantity, t.price_per_unit, t.period "
            + "FROM products p LEFT JOIN price_tiers t ON t.product_id = p.id WHERE p.id = ANY (?) "
            + "ORDER BY p.id, t.min_quantity, t.created_at, t.id; "
            + "SELECT id, months, discount_percentage, name, created_at, updated_at FROM durations WHERE id = ANY (?)";

    private static final BooleanStringConverter BOOLEAN_STRING = new BooleanStringConverter();

    private CatalogRowsSql() {}

    /** Runs {@link #SQL} on its own (a quote's read): one round trip. */
    public static PricingCatalogDirectory.Rows read(
            Connection connection, Collection<ProductId> productIds, Collection<DurationId> durationIds)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SQL)) {
            bind(connection, st, 1, productIds, durationIds);
            st.execute();
            return readRows(st);
        }
    }

    /** Binds the two parameters of {@link #SQL} from position {@code first}; returns the next position. */
    public static int bind(
            Connection connection,
            PreparedStatement st,
            int first,
            Collection<ProductId> productIds,
            Collection<DurationId> durationIds)
            throws SQLException {
        st.setArray(
                first,
                connection.createArrayOf(
                        "uuid", productIds.stream().map(ProductId::value).toArray()));
        st.setArray(
                first + 1,
                connection.createArrayOf(
                        "uuid", durationIds.stream().map(DurationId::value).toArray()));
        return first + 2;
    }

    /** Reads the two result sets of {@link #SQL}, the statement positioned on the first of them. */
    public static PricingCatalogDirectory.Rows readRows(PreparedStatement st) throws SQLException {
        Map<ProductId, Product> products;
        try (ResultSet rs = st.getResultSet()) {
            products = products(rs);
        }
        if (!st.getMoreResults()) {
            throw new SQLException("the durations result is missing");
        }
        Map<DurationId, Duration> durations = new HashMap<>();
        try (ResultSet rs = st.getResultSet()) {
            while (rs.next()) {
                DurationId id = new DurationId(rs.getObject(1, UUID.class));
                durations.put(
                        id,
                        Duration.stored(
                                id,
                                rs.getInt(2),
                                rs.getBigDecimal(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6).toInstant()));
            }
        }
        return new PricingCatalogDirectory.Rows(products, durations);
    }

    private static Map<ProductId, Product> products(ResultSet rs) throws SQLException {
        Map<ProductId, Product> products = new HashMap<>();
        ProductEntity current = null;
        List<PriceTier> tiers = new ArrayList<>();
        while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            if (current == null || !current.id.equals(id)) {
                if (current != null) {
                    products.put(new ProductId(current.id), JpaProductRepository.restore(current, tiers));
                }
                current = productRow(rs, id);
                tiers = new ArrayList<>();
            }
            if (rs.getObject(10) != null) {
                tiers.add(new PriceTier(
                        rs.getInt(10),
                        rs.getObject(11, Integer.class),
                        rs.getBigDecimal(12),
                        TierPeriod.fromLabel(rs.getString(13))));
            }
        }
        if (current != null) {
            products.put(new ProductId(current.id), JpaProductRepository.restore(current, tiers));
        }
        return products;
    }

    private static ProductEntity productRow(ResultSet rs, UUID id) throws SQLException {
        ProductEntity e = new ProductEntity();
        e.id = id;
        e.name = rs.getString(2);
        e.type = rs.getString(3);
        e.unit = rs.getString(4);
        e.description = rs.getString(5);
        e.isActive = BOOLEAN_STRING.convertToEntityAttribute(rs.getString(6));
        e.pricingMode = rs.getString(7);
        e.createdAt = rs.getTimestamp(8).toInstant();
        e.updatedAt = rs.getTimestamp(9).toInstant();
        return e;
    }
}
