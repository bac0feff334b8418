package com.tentabo.prm.benchmarks.dashboard;

import com.tentabo.prm.adapters.persistence.dashboard.JdbcDashboardDirectory;
import com.tentabo.prm.adapters.persistence.dashboard.JdbcDashboardDirectory.Query;
import com.tentabo.prm.benchmarks.leads.LeadDataGenerator;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Measures the SQL of one {@code GET /api/v1/dashboard} (the eight statements of {@link JdbcDashboardDirectory}, rows
 * read) on the lead benchmark's data set (1,000,000 leads, 10,000 partners, see {@link LeadDataGenerator}) plus
 * 300,000 orders and 100,000 contracts generated here, for an admin (everything), distributor 1 (200 assigned
 * partners) and one partner.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.dashboard.DashboardBenchmark [data-dir] [iterations]
 * </pre>
 * The data directory defaults to the lead benchmark's ({@code target/lead-bench-pg}); what is missing is generated once.
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path dir = Path.of(args.length > 0 ? args[0] : "target/lead-bench-pg");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                Flyway.configure()
                        .dataSource(url, "postgres", "postgres")
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                if (!LeadDataGenerator.alreadyGenerated(c)) {
                    LeadDataGenerator.generate(c, out);
                }
                generateOrdersAndContracts(c, out);
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT dashboard_fold()"); // what the service's job does every few seconds
                    st.execute("VACUUM ANALYZE dashboard_totals");
                }
                UUID distributor = one(c, "SELECT md5('d1')::uuid");
                Set<UUID> assigned = new HashSet<>();
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery(
                                "SELECT partner_id FROM distributor_partners WHERE distributor_id = md5('d1')::uuid AND is_active")) {
                    while (rs.next()) {
                        assigned.add(rs.getObject(1, UUID.class));
                    }
                }
                measure(out, c, iterations, "admin (everything)", new TenantScope.Everything());
                measure(
                        out,
                        c,
                        iterations,
                        "distributor 1 (" + assigned.size() + " partners)",
                        new TenantScope.OfDistributor(new DistributorId(distributor), partnerIds(assigned)));
                measure(
                        out,
                        c,
                        iterations,
                        "partner 1",
                        new TenantScope.OfPartner(new PartnerId(one(c, "SELECT md5('p1')::uuid"))));
            }
        }
    }

    static void generateOrdersAndContracts(Connection c, PrintStream out) throws SQLException {
        generateOrdersAndContracts(c, out, 300_000, 100_000);
    }

    /** {@code orders} orders and {@code contracts} contracts (at most one per order), unless there are orders already. */
    public static void generateOrdersAndContracts(Connection c, PrintStream out, int orders, int contracts)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
                rs.next();
                if (rs.getLong(1) >= orders) {
                    return;
                }
            }
            long t = System.nanoTime();
            // partner n = 1 + (g::bigint * g) % 10000 gives some partners many orders; 5 % in USD; statuses by g % 20
            st.execute(
                    "INSERT INTO orders (id, order_number, status, created_by, partner_id, subtotal, discount_amount, "
                            + "tax_amount, total_amount, currency, tax_rate, created_at, updated_at, sent_at, fulfilled_at) "
                            + "SELECT md5('o' || g)::uuid, 'ORD-BENCH-' || g, (CASE WHEN g % 20 < 3 THEN 'CREATED' "
                            + "WHEN g % 20 < 4 THEN 'CANCELLED' WHEN g % 20 < 6 THEN 'SENT' WHEN g % 20 < 7 THEN 'IN_FULFILLMENT' "
                            + "ELSE 'FULFILLED' END)::orderstatus, md5('up' || p)::uuid, md5('p' || p)::uuid, 1000.00, 100.00, "
                            + "180.00, 1080.00, CASE WHEN g % 20 = 19 THEN 'USD' ELSE 'EUR' END, 20.00, at, at, "
                            + "CASE WHEN g % 20 >= 4 THEN at + interval '1 day' END, "
                            + "CASE WHEN g % 20 >= 7 THEN at + interval '5 days' END "
                            + "FROM (SELECT g, 1 + (g::bigint * g) % 10000 AS p, now() - (g % 730 || ' days')::interval AS at "
                            + "FROM generate_series(1, " + orders + ") g) s");
            st.execute(
                    "INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, partner_id, "
                            + "activation_date, expiration_date, total_value, currency, created_at, updated_at) "
                            + "SELECT md5('c' || g)::uuid, 'CNT-BENCH-' || g, md5('o' || g)::uuid, "
                            + "(CASE WHEN g % 10 < 7 THEN 'ACTIVE' WHEN g % 10 < 9 THEN 'EXPIRED' ELSE 'CANCELLED' END)::contractstatus, "
                            + "'pennylane', md5('up' || (1 + (g::bigint * g) % 10000))::uuid, md5('p' || (1 + (g::bigint * g) % 10000))::uuid, "
                            + "now() - interval '1 year', now() + (g % 730 - 30 || ' days')::interval, 1080.00, 'EUR', now(), now() "
                            + "FROM generate_series(1, " + Math.min(orders, contracts) + ") g");
            st.execute("VACUUM ANALYZE orders");
            st.execute("VACUUM ANALYZE contracts");
            out.printf(
                    "generated %,d orders and %,d contracts in %d s%n",
                    orders, Math.min(orders, contracts), (System.nanoTime() - t) / 1_000_000_000);
        }
    }

    /** The eight statements of one dashboard, {@code iterations} times after 10 % warm-up; percentiles of the whole. */
    static void measure(PrintStream out, Connection c, int iterations, String name, TenantScope scope)
            throws SQLException {
        Instant now = Instant.now();
        Instant since = now.atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()
                .withDayOfMonth(1)
                .minusMonths(11)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        Instant before = now.plus(60, ChronoUnit.DAYS);
        List<Query> queries = List.of(
                JdbcDashboardDirectory.leadsByStatusQuery(scope),
                JdbcDashboardDirectory.ordersByStatusQuery(scope, false),
                JdbcDashboardDirectory.fulfilledByMonthQuery(scope, false, since),
                JdbcDashboardDirectory.renewalsDueQuery(scope, before),
                JdbcDashboardDirectory.soonestRenewalsQuery(scope, before, 10),
                JdbcDashboardDirectory.bookedByMonthQuery(scope, since),
                JdbcDashboardDirectory.recurringRevenueQuery(scope),
                JdbcDashboardDirectory.topPartnersQuery(scope, since, 10));
        int warm = Math.max(1, iterations / 10);
        long[] whole = new long[iterations];
        long[][] each = new long[queries.size()][iterations];
        for (int i = -warm; i < iterations; i++) {
            long total = 0;
            for (int q = 0; q < queries.size(); q++) {
                long t = System.nanoTime();
                run(c, queries.get(q));
                long spent = System.nanoTime() - t;
                total += spent;
                if (i >= 0) {
                    each[q][i] = spent;
                }
            }
            if (i >= 0) {
                whole[i] = total;
            }
        }
        Arrays.sort(whole);
        out.printf(
                "%-30s whole dashboard p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n",
                name, ms(whole, 0.5), ms(whole, 0.95), ms(whole, 0.99));
        String[] labels = {
            "leads by status",
            "orders by status",
            "revenue by month",
            "renewals due",
            "soonest renewals",
            "bookings by month",
            "recurring revenue",
            "top partners"
        };
        for (int q = 0; q < queries.size(); q++) {
            Arrays.sort(each[q]);
            out.printf("    %-26s p50 %7.1f ms  p99 %7.1f ms%n", labels[q], ms(each[q], 0.5), ms(each[q], 0.99));
        }
    }

    static void run(Connection c, Query query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query.sql())) {
            for (int p = 0; p < query.params().size(); p++) {
                ps.setObject(p + 1, query.params().get(p));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static UUID one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static Set<PartnerId> partnerIds(Set<UUID> ids) {
        Set<PartnerId> typed = new HashSet<>();
        ids.forEach(id -> typed.add(new PartnerId(id)));
        return typed;
    }
}
