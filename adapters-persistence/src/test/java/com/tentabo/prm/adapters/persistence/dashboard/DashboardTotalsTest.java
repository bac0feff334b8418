package com.tentabo.prm.adapters.persistence.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.persistence.MigratedDatabase;
import com.tentabo.prm.adapters.persistence.dashboard.JdbcDashboardDirectory.Query;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard's summary rows (kept by the triggers of migration V28) against the sums computed from the tables
 * themselves, on real PostgreSQL, for every scope: after inserts, after updates and deletes (folded and not folded),
 * after a fold, and after rows change partner, currency, status and amount in one statement.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTotalsTest {

    private static final Instant SINCE = Instant.parse("2025-01-01T00:00:00Z");
    private static Connection db;
    private static final List<UUID> partners = new ArrayList<>();
    private static final UUID DISTRIBUTOR = UUID.randomUUID();
    private static final UUID OTHER_DISTRIBUTOR = UUID.randomUUID();
    private static UUID owner;

    @BeforeAll
    static void seed() throws Exception {
        TestDatabase database = MigratedDatabase.create("dashboard_totals");
        db = database.connect();
        owner = UUID.randomUUID();
        exec(
                "INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES (?, 'test', ?, 'o@x.example', 'ADMIN', true)",
                owner,
                owner.toString());
        exec(
                "INSERT INTO distributors (id, name, is_active) VALUES (?, 'Dist', true), (?, 'Other', true)",
                DISTRIBUTOR,
                OTHER_DISTRIBUTOR);
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            partners.add(id);
            exec("INSERT INTO partners (id, name, is_active) VALUES (?, ?, true)", id, "Partner " + i);
        }
        String array =
                "{" + String.join(",", partners.stream().map(UUID::toString).toList()) + "}";
        // leads: a partner (or none: then a distributor or nobody), every status, EUR/USD/no currency, some without
        // value
        exec(
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, status, owner_id, partner_id, "
                        + "distributor_id, value, currency) SELECT gen_random_uuid(), 'tentabo', 'Lead ' || i, 'Org', 'C', "
                        + "(enum_range(NULL::leadstatus))[1 + i % 7], ?, CASE WHEN i % 8 < 6 THEN (CAST(? AS uuid[]))[1 + i % 6] END, "
                        + "CASE WHEN i % 8 = 6 THEN CAST(? AS uuid) WHEN i % 5 = 0 THEN CAST(? AS uuid) END, "
                        + "CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 37 % 10000) / 100.0 END, "
                        + "CASE WHEN i % 11 = 0 THEN NULL WHEN i % 4 = 0 THEN 'USD' ELSE 'EUR' END "
                        + "FROM generate_series(1, 700) AS i",
                owner, array, DISTRIBUTOR, OTHER_DISTRIBUTOR);
        // orders over 30 months, every status, sent/fulfilled or not, one in ten without tax or total
        exec(
                "INSERT INTO orders (id, order_number, status, created_by, partner_id, distributor_id, subtotal, tax_amount, "
                        + "total_amount, currency, sent_at, fulfilled_at) SELECT gen_random_uuid(), 'ORD-T-' || i, "
                        + "(enum_range(NULL::orderstatus))[1 + i % 5], ?, CASE WHEN i % 7 < 6 THEN (CAST(? AS uuid[]))[1 + i % 6] END, "
                        + "CASE WHEN i % 7 = 6 THEN CAST(? AS uuid) END, 100, CASE WHEN i % 10 = 0 THEN NULL ELSE i % 50 END, "
                        + "CASE WHEN i % 13 = 0 THEN NULL ELSE 100 + i % 900 + 0.25 END, CASE WHEN i % 6 = 0 THEN 'USD' ELSE 'EUR' END, "
                        + "CASE WHEN i % 3 > 0 THEN timestamptz '2024-06-30 23:30:00+00' + i * interval '1 day 3 hours' END, "
                        + "CASE WHEN i % 3 = 2 THEN timestamptz '2024-07-01 00:30:00+00' + i * interval '1 day 3 hours' END "
                        + "FROM generate_series(1, 600) AS i",
                owner, array, DISTRIBUTOR);
        exec(
                "INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, partner_id, "
                        + "distributor_id, activation_date, expiration_date, total_value, currency) "
                        + "SELECT gen_random_uuid(), 'CNT-T-' || n, o.id, (enum_range(NULL::contractstatus))[1 + n % 3], 'none', ?, "
                        + "o.partner_id, o.distributor_id, timestamptz '2025-01-01 00:00:00+00', "
                        + "CASE WHEN n % 17 = 0 THEN NULL ELSE timestamptz '2025-01-01 00:00:00+00' + (n % 40) * interval '1 month' END, "
                        + "1000 + n % 333 + 0.10, o.currency FROM (SELECT id, partner_id, distributor_id, currency, "
                        + "row_number() OVER (ORDER BY order_number) AS n FROM orders) o WHERE n <= 300",
                owner);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    @Order(1)
    void givenAnySequenceOfChanges_thenTheSummaryEqualsTheSumsOfTheTablesInEveryScope() throws Exception {
        assertSummaryMatchesTables("after inserts, nothing folded");
        assertThat(fold()).isPositive();
        assertThat(count("dashboard_deltas")).isZero();
        assertSummaryMatchesTables("after a fold");

        // one statement moving leads between statuses, partners, currencies and values; deleting some
        exec("UPDATE leads SET status = 'WON', value = COALESCE(value, 0) + 1 WHERE title LIKE 'Lead 1%'");
        exec("UPDATE leads SET partner_id = ?, currency = 'USD' WHERE title LIKE 'Lead 2%'", partners.get(5));
        exec("UPDATE leads SET partner_id = NULL, distributor_id = ? WHERE title LIKE 'Lead 3%'", DISTRIBUTOR);
        exec("UPDATE leads SET value = NULL WHERE title LIKE 'Lead 4%'");
        exec("DELETE FROM leads WHERE title LIKE 'Lead 5%'");
        exec("UPDATE orders SET status = 'CANCELLED', cancelled_at = now() WHERE order_number LIKE 'ORD-T-1%' "
                + "AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.order_id = orders.id)");
        exec(
                "UPDATE orders SET status = 'FULFILLED', fulfilled_at = timestamptz '2026-11-30 23:59:59+00', "
                        + "sent_at = COALESCE(sent_at, timestamptz '2026-11-01 00:00:00+00') WHERE order_number LIKE 'ORD-T-2%'");
        exec("UPDATE orders SET total_amount = total_amount + 10, currency = 'GBP' WHERE order_number LIKE 'ORD-T-3%'");
        exec("UPDATE orders SET billing_metadata = '{}'::jsonb WHERE order_number LIKE 'ORD-T-4%'");
        exec("DELETE FROM orders WHERE order_number LIKE 'ORD-T-5%' "
                + "AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.order_id = orders.id)");
        exec(
                "UPDATE contracts SET status = 'ACTIVE', total_value = total_value * 2 WHERE contract_number LIKE 'CNT-T-1%'");
        exec(
                "UPDATE contracts SET expiration_date = expiration_date + interval '6 months' WHERE contract_number LIKE 'CNT-T-2%'");
        exec("DELETE FROM contracts WHERE contract_number LIKE 'CNT-T-3%'");
        assertThat(count("dashboard_deltas")).isPositive();
        assertSummaryMatchesTables("after changes, not folded");

        fold();
        assertSummaryMatchesTables("after changes, folded");
        exec("UPDATE leads SET status = 'NEW' WHERE status = 'LOST'");
        assertSummaryMatchesTables("after more changes, half folded");
        fold();
        assertThat(fold()).isZero();
        assertSummaryMatchesTables("after two folds");
    }

    @Test
    void givenAnUpdateThatChangesNoFigure_thenNoDeltaIsRecorded() throws Exception {
        fold();
        exec("UPDATE orders SET billing_metadata = '{\"x\": 1}'::jsonb WHERE order_number LIKE 'ORD-T-6%'");
        exec("UPDATE leads SET title = title || ' (renamed)' WHERE title LIKE 'Lead 6%'");
        assertThat(count("dashboard_deltas")).isZero();
    }

    @Test
    void givenScopes_thenTheSummaryIsReadThroughItsIndexes() throws Exception {
        fold();
        exec("ANALYZE dashboard_totals");
        try (var st = db.createStatement()) {
            st.execute("SET enable_seqscan = off");
        }
        try {
            Query q = JdbcDashboardDirectory.leadsByStatusQuery(
                    new TenantScope.OfDistributor(new DistributorId(DISTRIBUTOR), partnerIds(partners.subList(0, 2))));
            assertThat(explain(q)).contains("ix_dashboard_totals_partner").contains("ix_dashboard_totals_distributor");
        } finally {
            try (var st = db.createStatement()) {
                st.execute("RESET enable_seqscan");
            }
        }
    }

    private void assertSummaryMatchesTables(String when) throws Exception {
        List<TenantScope> scopes = List.of(
                new TenantScope.Everything(),
                new TenantScope.OfPartner(new PartnerId(partners.get(1))),
                new TenantScope.OfPartner(new PartnerId(partners.get(5))),
                new TenantScope.OfDistributor(new DistributorId(DISTRIBUTOR), partnerIds(partners.subList(0, 3))),
                new TenantScope.OfDistributor(new DistributorId(DISTRIBUTOR), Set.of()),
                new TenantScope.OfDistributor(
                        new DistributorId(OTHER_DISTRIBUTOR), partnerIds(List.of(partners.get(4)))));
        for (TenantScope scope : scopes) {
            String as = when + ", " + scope;
            assertThat(sums(JdbcDashboardDirectory.leadsByStatusQuery(scope)))
                    .as("leads " + as)
                    .isEqualTo(sums(tables(
                            "SELECT l.status::text, l.currency, count(*), sum(l.value) FROM leads l " + "WHERE true",
                            "l",
                            scope,
                            " GROUP BY 1, 2")));
            for (boolean sentOnly : List.of(false, true)) {
                String sent = sentOnly ? " AND o.sent_at IS NOT NULL" : "";
                assertThat(sums(JdbcDashboardDirectory.ordersByStatusQuery(scope, sentOnly)))
                        .as("orders " + as)
                        .isEqualTo(sums(tables(
                                "SELECT o.status::text, o.currency, count(*), sum(o.total_amount) "
                                        + "FROM orders o WHERE true" + sent,
                                "o",
                                scope,
                                " GROUP BY 1, 2")));
                assertThat(sums(JdbcDashboardDirectory.fulfilledByMonthQuery(scope, sentOnly, SINCE)))
                        .as("fulfilled " + as)
                        .isEqualTo(sums(tables(
                                "SELECT to_char(o.fulfilled_at AT TIME ZONE 'UTC', 'YYYY-MM'), o.currency, "
                                        + "count(*), sum(o.total_amount - o.tax_amount) FROM orders o WHERE o.status = 'FULFILLED' "
                                        + "AND o.fulfilled_at >= '" + SINCE + "'" + sent,
                                "o",
                                scope,
                                " GROUP BY 1, 2")));
            }
            assertThat(sums(JdbcDashboardDirectory.bookedByMonthQuery(scope, SINCE)))
                    .as("booked " + as)
                    .isEqualTo(sums(tables(
                            "SELECT to_char(o.sent_at AT TIME ZONE 'UTC', 'YYYY-MM'), o.currency, count(*), "
                                    + "sum(o.total_amount - o.tax_amount) FROM orders o WHERE o.status <> 'CANCELLED' "
                                    + "AND o.sent_at >= '" + SINCE + "'",
                            "o",
                            scope,
                            " GROUP BY 1, 2")));
            assertThat(sums(JdbcDashboardDirectory.recurringRevenueQuery(scope)))
                    .as("mrr " + as)
                    .isEqualTo(sums(tables(
                            "SELECT 'ACTIVE', c.currency, count(*), sum(round(c.total_value / GREATEST(1, "
                                    + "round(COALESCE(EXTRACT(EPOCH FROM c.expiration_date - c.activation_date), 0)::numeric / 2629746)), 2)) "
                                    + "FROM contracts c WHERE c.status = 'ACTIVE'",
                            "c",
                            scope,
                            " GROUP BY 1, 2")));
            assertThat(rows(JdbcDashboardDirectory.topPartnersQuery(scope, SINCE, 4)))
                    .as("top partners " + as)
                    .isEqualTo(rows(tables(
                            "SELECT o.partner_id::text, p.name, o.currency, count(*), "
                                    + "sum(o.total_amount - o.tax_amount) FROM orders o JOIN partners p ON p.id = o.partner_id "
                                    + "WHERE o.status <> 'CANCELLED' AND o.sent_at >= '" + SINCE + "'",
                            "o",
                            scope,
                            " GROUP BY 1, 2, 3 ORDER BY 5 DESC NULLS LAST, 2, 1, 3 LIMIT 4")));
        }
    }

    /** A query on the tables themselves, restricted to the scope exactly as the directory's queries are. */
    private static Query tables(String select, String alias, TenantScope scope, String tail) {
        List<Object> params = new ArrayList<>();
        String where = com.tentabo.prm.adapters.persistence.shared.ScopeClauses.sql(scope, alias, params);
        return new Query(select + where + tail, params);
    }

    /** Rows as (key, currency, count, amount), amounts to the cent, as a set (the order of groups is not specified). */
    private static Set<List<Object>> sums(Query q) throws SQLException {
        return new HashSet<>(rows(q));
    }

    private static List<List<Object>> rows(Query q) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(q.sql(), q.params());
                ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(
                            value instanceof BigDecimal d
                                    ? d.setScale(2, RoundingMode.UNNECESSARY)
                                    : value instanceof Number n
                                            ? n.longValue()
                                            : value == null ? null : value.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long fold() throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT dashboard_fold()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String table) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String explain(Query q) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = prepare("EXPLAIN " + q.sql(), q.params());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        PreparedStatement ps = db.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof UUID[] ids) {
                ps.setArray(i + 1, db.createArrayOf("uuid", ids));
            } else if (p instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    private static void exec(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, List.of(params))) {
            ps.execute();
        }
    }

    private static Set<PartnerId> partnerIds(Collection<UUID> ids) {
        Set<PartnerId> typed = new HashSet<>();
        ids.forEach(id -> typed.add(new PartnerId(id)));
        return typed;
    }
}
