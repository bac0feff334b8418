package com.tentabo.prm.adapters.persistence.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.adapters.persistence.MigratedDatabase;
import com.tentabo.prm.adapters.persistence.catalog.CatalogCache;
import com.tentabo.prm.adapters.persistence.catalog.CatalogRowsSql;
import com.tentabo.prm.adapters.persistence.identity.JdbcPrincipalDirectory;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.application.identity.port.out.PrincipalDirectory;
import com.tentabo.prm.application.order.port.out.OrderPlacementDirectory;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The plain-JDBC statements of the hot paths (caller resolution, the pricing read, order placement) on real
 * PostgreSQL: they read and write exactly what the entities would.
 */
class HotPathSqlTest {

    private static TestDatabase database;
    private static Connection db;
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID PARTNER = UUID.randomUUID();
    private static final UUID OTHER_PARTNER = UUID.randomUUID();
    private static final UUID DISTRIBUTOR = UUID.randomUUID();
    private static final UUID PRODUCT = UUID.randomUUID();
    private static final UUID BARE_PRODUCT = UUID.randomUUID();
    private static final UUID YEAR = UUID.randomUUID();

    @BeforeAll
    static void seed() throws Exception {
        database = MigratedDatabase.create("hot_paths");
        db = database.connect();
        exec(
                "INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES (?, 'test', ?, 'a@x.example', 'ADMIN', true)",
                AUTHOR,
                AUTHOR.toString());
        exec(
                "INSERT INTO partners (id, name, is_active) VALUES (?, 'P1', true), (?, 'P2', true)",
                PARTNER,
                OTHER_PARTNER);
        exec("INSERT INTO distributors (id, name, is_active) VALUES (?, 'D', true)", DISTRIBUTOR);
        exec(
                "INSERT INTO products (id, name, type, unit, is_active, pricing_mode) VALUES (?, 'Storage', 'service', 'TB', 'True ', 'GRADUATED'), "
                        + "(?, 'Bare', 'appliance', 'unit', 'false', 'VOLUME')",
                PRODUCT,
                BARE_PRODUCT);
        // stored out of order: the read must sort them
        exec(
                "INSERT INTO price_tiers (product_id, min_quantity, max_quantity, price_per_unit, period) VALUES "
                        + "(?, 51, NULL, 12.5000, 'month'), (?, 1, 10, 20.0000, 'month'), (?, 11, 50, 15.0000, 'year')",
                PRODUCT,
                PRODUCT,
                PRODUCT);
        exec("INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, 12, 10.00, '1 year')", YEAR);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void thePricingReadReturnsProductsWithTiersInOrderAndDurations() throws SQLException {
        UUID unknown = UUID.randomUUID();
        PricingCatalogDirectory.Rows rows =
                CatalogRowsSql.read(db, products(PRODUCT, BARE_PRODUCT, unknown), durations(YEAR, unknown));

        assertThat(rows.products()).containsOnlyKeys(new ProductId(PRODUCT), new ProductId(BARE_PRODUCT));
        assertThat(rows.products().get(new ProductId(PRODUCT)).active()).isTrue(); // legacy spelling 'True '
        assertThat(rows.products().get(new ProductId(PRODUCT)).tiers().tiers())
                .containsExactly(
                        new PriceTier(1, 10, new BigDecimal("20.0000"), TierPeriod.MONTH),
                        new PriceTier(11, 50, new BigDecimal("15.0000"), TierPeriod.YEAR),
                        new PriceTier(51, null, new BigDecimal("12.5000"), TierPeriod.MONTH));
        assertThat(rows.products().get(new ProductId(BARE_PRODUCT)).active()).isFalse();
        assertThat(rows.products().get(new ProductId(BARE_PRODUCT)).tiers().tiers())
                .isEmpty();
        assertThat(rows.durations()).containsOnlyKeys(new DurationId(YEAR));
        assertThat(rows.durations().get(new DurationId(YEAR)).discountPercentage())
                .isEqualByComparingTo("10.00");
    }

    @Test
    void cachedCatalogRowsServeWhileTheRevisionHolds_andEveryCommittedChangeToTheThreeTablesMovesIt()
            throws SQLException {
        UUID product = UUID.randomUUID();
        UUID month = UUID.randomUUID();
        exec(
                "INSERT INTO products (id, name, type, unit, is_active, pricing_mode) VALUES (?, 'Seats', 'service', 'seat', 'true', 'VOLUME')",
                product);
        exec(
                "INSERT INTO price_tiers (product_id, min_quantity, max_quantity, price_per_unit, period) VALUES (?, 1, NULL, 9.0000, 'month')",
                product);
        exec("INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, 1, 0.00, '1 month')", month);
        CatalogCache cache = new CatalogCache();
        assertThat(price(cache, product, month)).isEqualByComparingTo("9.0000");

        // without the trigger the revision stays: the rows in memory are served (the proof that they are)
        exec("ALTER TABLE price_tiers DISABLE TRIGGER price_tiers_catalog_revision");
        try {
            exec("UPDATE price_tiers SET price_per_unit = 8.0000 WHERE product_id = ?", product);
        } finally {
            exec("ALTER TABLE price_tiers ENABLE TRIGGER price_tiers_catalog_revision");
        }
        assertThat(price(cache, product, month)).isEqualByComparingTo("9.0000");

        exec("UPDATE price_tiers SET price_per_unit = 7.0000 WHERE product_id = ?", product);
        assertThat(price(cache, product, month)).isEqualByComparingTo("7.0000");
        exec("UPDATE products SET is_active = 'false' WHERE id = ?", product);
        assertThat(cache.read(db, products(product), durations(month))
                        .products()
                        .get(new ProductId(product))
                        .active())
                .isFalse();
        exec("UPDATE durations SET discount_percentage = 5.00 WHERE id = ?", month);
        assertThat(cache.read(db, products(product), durations(month))
                        .durations()
                        .get(new DurationId(month))
                        .discountPercentage())
                .isEqualByComparingTo("5.00");

        // an uncommitted change elsewhere is not seen, neither in memory nor in the database
        try (Connection other = database.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement st =
                    other.prepareStatement("UPDATE price_tiers SET price_per_unit = 6.0000 WHERE product_id = ?")) {
                st.setObject(1, product);
                st.executeUpdate();
            }
            assertThat(price(cache, product, month)).isEqualByComparingTo("7.0000");
            other.commit();
        }
        assertThat(price(cache, product, month)).isEqualByComparingTo("6.0000");
        assertThat(cache.read(db, products(product, UUID.randomUUID()), durations(month))
                        .products())
                .containsOnlyKeys(new ProductId(product));
    }

    private static List<ProductId> products(UUID... ids) {
        return Arrays.stream(ids).map(ProductId::new).toList();
    }

    private static List<DurationId> durations(UUID... ids) {
        return Arrays.stream(ids).map(DurationId::new).toList();
    }

    private static BigDecimal price(CatalogCache cache, UUID product, UUID duration) throws SQLException {
        return cache.read(db, products(product), durations(duration))
                .products()
                .get(new ProductId(product))
                .tiers()
                .tiers()
                .get(0)
                .price();
    }

    @Test
    void placementFactsComeInOneStatementWithIncreasingNumbers() throws SQLException {
        OrderPlacementDirectory.Facts first = JdbcOrderPlacementDirectory.read(
                db,
                new CatalogCache(),
                new TenantRef(new PartnerId(PARTNER), new DistributorId(DISTRIBUTOR)),
                products(PRODUCT),
                durations(YEAR));
        OrderPlacementDirectory.Facts second = JdbcOrderPlacementDirectory.read(
                db,
                new CatalogCache(),
                new TenantRef(new PartnerId(UUID.randomUUID()), null),
                products(PRODUCT),
                durations(YEAR));

        assertThat(first.partnerExists()).isTrue();
        assertThat(first.distributorExists()).isTrue();
        assertThat(first.catalog().products()).containsOnlyKeys(new ProductId(PRODUCT));
        assertThat(first.catalog().durations()).containsOnlyKeys(new DurationId(YEAR));
        assertThat(second.partnerExists()).isFalse();
        assertThat(second.distributorExists()).isFalse();
        assertThat(second.assignmentActive()).isFalse();
        UUID newcomer = UUID.randomUUID();
        exec("INSERT INTO distributors (id, name, is_active) VALUES (?, 'D2', true)", newcomer);
        TenantRef pair = new TenantRef(new PartnerId(OTHER_PARTNER), new DistributorId(newcomer));
        assertThat(JdbcOrderPlacementDirectory.read(db, new CatalogCache(), pair, products(PRODUCT), durations(YEAR))
                        .assignmentActive())
                .isFalse();
        exec(
                "INSERT INTO distributor_partners (distributor_id, partner_id, is_active) VALUES (?, ?, false)",
                newcomer,
                OTHER_PARTNER);
        assertThat(JdbcOrderPlacementDirectory.read(db, new CatalogCache(), pair, products(PRODUCT), durations(YEAR))
                        .assignmentActive())
                .isFalse();
        exec("UPDATE distributor_partners SET is_active = true WHERE distributor_id = ?", newcomer);
        assertThat(JdbcOrderPlacementDirectory.read(db, new CatalogCache(), pair, products(PRODUCT), durations(YEAR))
                        .assignmentActive())
                .isTrue();
        assertThat(second.orderNumber()).isGreaterThan(first.orderNumber());
    }

    @Test
    void placementFactsCarryThePartnersCurrentProgrammeLevelOnly() throws SQLException {
        UUID partner = UUID.randomUUID();
        UUID silver = UUID.randomUUID();
        UUID gold = UUID.randomUUID();
        exec("INSERT INTO partners (id, name, is_active) VALUES (?, 'Levelled', true)", partner);
        TenantRef tenant = new TenantRef(new PartnerId(partner), null);
        assertThat(JdbcOrderPlacementDirectory.read(db, new CatalogCache(), tenant, products(PRODUCT), durations(YEAR))
                        .partnerLevel())
                .isNull();
        exec(
                "INSERT INTO programme_levels (id, name, rank, discount_percentage, registration_bonus_percentage, "
                        + "protection_days, min_trailing_bookings, min_won_registrations, created_at, updated_at) VALUES "
                        + "(?, 'Silver hot path', 9001, 7.50, 2.00, 60, 0, 0, now(), now()), "
                        + "(?, 'Gold hot path', 9002, 15.00, 5.00, 90, 0, 0, now(), now())",
                silver,
                gold);
        exec(
                "INSERT INTO partner_levels (id, partner_id, level_id, valid_from, valid_to) VALUES "
                        + "(?, ?, ?, now() - interval '2 days', now() - interval '1 day'), (?, ?, ?, now() - interval '1 day', NULL)",
                UUID.randomUUID(),
                partner,
                silver,
                UUID.randomUUID(),
                partner,
                gold);

        OrderPlacementDirectory.Facts facts =
                JdbcOrderPlacementDirectory.read(db, new CatalogCache(), tenant, products(PRODUCT), durations(YEAR));

        assertThat(facts.partnerLevel().id()).isEqualTo(new ProgrammeLevelId(gold));
        assertThat(facts.partnerLevel().discountPercentage().value()).isEqualByComparingTo("15.00");
        assertThat(facts.catalog().products()).containsOnlyKeys(new ProductId(PRODUCT));
        assertThat(JdbcOrderPlacementDirectory.read(
                                db,
                                new CatalogCache(),
                                new TenantRef(null, new DistributorId(DISTRIBUTOR)),
                                products(PRODUCT),
                                durations(YEAR))
                        .partnerLevel())
                .isNull();
    }

    @Test
    void anOrderItsItemsAndItsAuditRowAreInsertedByOneStatement() throws SQLException {
        Order order = order(PARTNER);
        OrderInsertSql.insert(db, order, created(order));

        try (PreparedStatement st = db.prepareStatement("SELECT order_number, status::text, partner_id, subtotal, "
                + "total_amount, tax_rate, currency, kind, version, created_by FROM orders WHERE id = ?")) {
            st.setObject(1, order.id().value());
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(order.number());
                assertThat(rs.getString(2)).isEqualTo("CREATED");
                assertThat(rs.getObject(3, UUID.class)).isEqualTo(PARTNER);
                assertThat(rs.getBigDecimal(4))
                        .isEqualByComparingTo(order.totals().subtotal().amount());
                assertThat(rs.getBigDecimal(5))
                        .isEqualByComparingTo(order.totals().totalAmount().amount());
                assertThat(rs.getBigDecimal(6)).isEqualByComparingTo("20.00");
                assertThat(rs.getString(7)).isEqualTo("EUR");
                assertThat(rs.getString(8)).isEqualTo("NEW");
                assertThat(rs.getLong(9)).isZero();
                assertThat(rs.getObject(10, UUID.class)).isEqualTo(AUTHOR);
            }
        }
        try (PreparedStatement st = db.prepareStatement("SELECT quantity, total, product_name, duration_months, "
                + "price_bands -> 0 ->> 'tier_price', price_bands -> 1 ->> 'period', jsonb_array_length(price_bands) "
                + "FROM order_items WHERE order_id = ? ORDER BY quantity")) {
            st.setObject(1, order.id().value());
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(15);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("3060.00");
                assertThat(rs.getString(3)).isEqualTo("Storage");
                assertThat(rs.getInt(4)).isEqualTo(12);
                assertThat(rs.getString(5)).isEqualTo("20.0000");
                assertThat(rs.getString(6)).isEqualTo("month");
                assertThat(rs.getInt(7)).isEqualTo(2);
                assertThat(rs.next()).isTrue();
                assertThat(rs.next()).isFalse();
            }
        }
        try (PreparedStatement st =
                db.prepareStatement("SELECT user_id, action, entity_type, changes -> 'order_number' "
                        + "->> 'after', ip_address FROM audit_logs WHERE entity_id = ?")) {
            st.setObject(1, order.id().value());
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, UUID.class)).isEqualTo(AUTHOR);
                assertThat(rs.getString(2)).isEqualTo("create");
                assertThat(rs.getString(3)).isEqualTo("order");
                assertThat(rs.getString(4)).isEqualTo(order.number());
                assertThat(rs.getString(5)).isEqualTo("192.0.2.7");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static AuditEntry created(Order order) {
        return new AuditEntry(
                new AuditLogId(UUID.randomUUID()),
                new UserId(AUTHOR),
                null,
                "create",
                "order",
                order.id().value(),
                Map.of("order_number", Map.of("before", "", "after", order.number())),
                "192.0.2.7",
                "test",
                order.createdAt());
    }

    @Test
    void anOrderForAMissingPartnerLeavesNoRowBehind() throws SQLException {
        Order order = order(UUID.randomUUID());
        assertThatThrownBy(() -> OrderInsertSql.insert(db, order, created(order)))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("23503");
        try (PreparedStatement st = db.prepareStatement("SELECT (SELECT count(*) FROM order_items WHERE order_id = ?) "
                + "+ (SELECT count(*) FROM audit_logs WHERE entity_id = ?)")) {
            st.setObject(1, order.id().value());
            st.setObject(2, order.id().value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void principalsAreReadWithTheirLinksAndActiveAssignmentsOnly() throws SQLException {
        UUID admin = UUID.randomUUID();
        UUID linked = UUID.randomUUID();
        UUID distributorUser = UUID.randomUUID();
        exec(
                "INSERT INTO admin_users (id, username, password_hash, email, is_active) VALUES (?, 'root', 'x', 'root@x.example', false)",
                admin);
        exec(
                "INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES (?, 'database', ?, 'root@x.example', 'ADMIN', true)",
                linked,
                admin.toString());
        exec(
                "INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, distributor_id) "
                        + "VALUES (?, 'ldap', 'uid=d', 'd@x.example', 'dist', 'DISTRIBUTOR', true, ?)",
                distributorUser,
                DISTRIBUTOR);
        exec(
                "INSERT INTO distributor_partners (distributor_id, partner_id, is_active) VALUES (?, ?, true), (?, ?, false)",
                DISTRIBUTOR,
                PARTNER,
                DISTRIBUTOR,
                OTHER_PARTNER);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(database.jdbcUrl());
        source.setUser(database.username());
        source.setPassword(database.password());
        JdbcPrincipalDirectory directory = new JdbcPrincipalDirectory(source);

        assertThat(directory.admin(new AdminUserId(admin)))
                .contains(new PrincipalDirectory.AdminPrincipal(
                        new AdminUserId(admin), "root", false, new UserId(linked), null));
        PrincipalDirectory.UserPrincipal user =
                directory.user(new UserId(distributorUser)).orElseThrow();
        assertThat(user.account().role()).isEqualTo(Role.DISTRIBUTOR);
        assertThat(user.account().username()).isEqualTo("dist");
        assertThat(user.account().distributorId()).isEqualTo(new DistributorId(DISTRIBUTOR));
        assertThat(user.assignedPartnerIds()).isEqualTo(Set.of(new PartnerId(PARTNER)));
        assertThat(directory.user(new UserId(AUTHOR)).orElseThrow().assignedPartnerIds())
                .isEmpty();
        assertThat(directory.user(new UserId(UUID.randomUUID()))).isEmpty();
        assertThat(directory.admin(new AdminUserId(UUID.randomUUID()))).isEmpty();
        assertThat(user.credentialsNotBefore()).isNull();
        Instant revokedAt = Instant.parse("2026-01-02T03:04:05.678Z");
        exec(
                "INSERT INTO credential_revocations (principal_kind, principal_id, not_before) VALUES ('user', ?, ?), "
                        + "('admin_user', ?, ?)",
                distributorUser,
                java.sql.Timestamp.from(revokedAt),
                admin,
                java.sql.Timestamp.from(revokedAt));
        assertThat(directory.user(new UserId(distributorUser)).orElseThrow().credentialsNotBefore())
                .isEqualTo(revokedAt);
        assertThat(directory.admin(new AdminUserId(admin)).orElseThrow().credentialsNotBefore())
                .isEqualTo(revokedAt);
    }

    private static Order order(UUID partner) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<OrderItem.Band> bands = List.of(
                new OrderItem.Band(
                        10,
                        new BigDecimal("20.0000"),
                        "month",
                        new BigDecimal("240.0000"),
                        new BigDecimal("2400.00"),
                        new BigDecimal("2160.00")),
                new OrderItem.Band(
                        5,
                        new BigDecimal("15.0000"),
                        "month",
                        new BigDecimal("180.0000"),
                        new BigDecimal("900.00"),
                        new BigDecimal("810.00")));
        List<OrderItem> items = List.of(
                new OrderItem(
                        new OrderItemId(UUID.randomUUID()),
                        new ProductId(PRODUCT),
                        new DurationId(YEAR),
                        15,
                        new BigDecimal("15.0000"),
                        new BigDecimal("10.00"),
                        Money.of("3300.00", "EUR"),
                        Money.of("330.00", "EUR"),
                        Money.of("3060.00", "EUR"),
                        "Storage",
                        "service",
                        "TB",
                        12,
                        bands),
                new OrderItem(
                        new OrderItemId(UUID.randomUUID()),
                        new ProductId(PRODUCT),
                        new DurationId(YEAR),
                        20,
                        new BigDecimal("15.0000"),
                        new BigDecimal("10.00"),
                        Money.of("4200.00", "EUR"),
                        Money.of("420.00", "EUR"),
                        Money.of("3780.00", "EUR"),
                        "Storage",
                        "service",
                        "TB",
                        12,
                        bands));
        return Order.create(
                new OrderId(UUID.randomUUID()),
                "ORD-20261124-" + UUID.randomUUID().toString().substring(0, 8),
                OrderKind.NEW,
                null,
                new TenantRef(new PartnerId(partner), null),
                null,
                new UserId(AUTHOR),
                Money.currency("EUR"),
                new BigDecimal("20.00"),
                items,
                now);
    }

    private static void exec(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }
}
