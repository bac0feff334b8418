package com.tentabo.prm.benchmarks.leads;

import com.tentabo.prm.adapters.persistence.lead.LeadListSql;
import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Measures the scoped lead list of a distributor user (distributor 1: 200 actively assigned partners) on the
 * generated data set: pages of 50, newest first, following the cursor 5 pages deep, with and without a status
 * filter; exactly the SQL of the persistence adapter ({@link LeadListSql}) including the mapping of the rows.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.leads.LeadListBenchmark [data-dir] [iterations]
 * </pre>
 * Without {@code -Djdbc.url=…} an embedded PostgreSQL 13.22 keeps its data in {@code data-dir}
 * (default {@code target/lead-bench-pg}), so the data set is generated once and reused.
 */
public final class LeadListBenchmark {

    private LeadListBenchmark() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path dir = Path.of(args.length > 0 ? args[0] : "target/lead-bench-pg");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        String url = System.getProperty("jdbc.url");
        EmbeddedPostgres pg = null;
        String user = System.getProperty("jdbc.user", "postgres");
        String password = System.getProperty("jdbc.password", "postgres");
        if (url == null) {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "16MB")
                    .start();
            url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            if (!LeadDataGenerator.alreadyGenerated(c)) {
                LeadDataGenerator.generate(c, out);
            }
            UUID distributor = uuid(c, "SELECT md5('d1')::uuid");
            Set<UUID> partners = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT partner_id FROM distributor_partners WHERE distributor_id = ? AND is_active")) {
                ps.setObject(1, distributor);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        partners.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            long inScope = count(c, distributor, partners);
            out.printf(
                    "data: %,d leads; distributor 1: %d active partners, %,d leads in scope%n",
                    count(c, "SELECT count(*) FROM leads"), partners.size(), inScope);
            TenantScope scope = new TenantScope.OfDistributor(new DistributorId(distributor), partnerIds(partners));
            measure(out, c, scope, Set.of(), iterations, "no filter");
            measure(out, c, scope, Set.of(LeadStatus.QUALIFIED), iterations, "status=qualified");
            measure(out, c, scope, Set.of(LeadStatus.NEW, LeadStatus.CONTACTED), iterations, "status=new,contacted");
            int explainPage = Integer.getInteger("explain.page", 1);
            Cursor at = null;
            for (int k = 1; k < explainPage; k++) {
                at = Cursor.decode(LeadListSql.run(
                                c, new LeadQuery(Set.of(), null, null, null, null, null, null, null, 50, at), scope)
                        .nextCursor());
            }
            LeadQuery sample = new LeadQuery(Set.of(), null, null, null, null, null, null, null, 50, at);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) "
                    + LeadListSql.build(sample, scope).sql())) {
                LeadListSql.bind(ps, LeadListSql.build(sample, scope).params());
                try (ResultSet rs = ps.executeQuery()) {
                    out.println("plan of page " + explainPage + " without filter:");
                    while (rs.next()) {
                        out.println("  " + rs.getString(1));
                    }
                }
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static void measure(
            PrintStream out, Connection c, TenantScope scope, Set<LeadStatus> statuses, int iterations, String label)
            throws Exception {
        int warmup = Math.max(100, iterations / 10);
        long[] samples = new long[iterations];
        java.util.List<java.util.List<Long>> byDepth = new java.util.ArrayList<>();
        for (int k = 0; k < 5; k++) {
            byDepth.add(new java.util.ArrayList<>());
        }
        Cursor cursor = null;
        int depth = 0;
        long rows = 0;
        for (int i = -warmup; i < iterations; i++) {
            LeadQuery q = new LeadQuery(statuses, null, null, null, null, null, null, null, 50, cursor);
            long t0 = System.nanoTime();
            Page<Lead> page = LeadListSql.run(c, q, scope);
            long elapsed = System.nanoTime() - t0;
            if (i >= 0) {
                samples[i] = elapsed;
                byDepth.get(depth).add(elapsed);
                rows += page.items().size();
            }
            // walk 5 pages deep along the cursor, then start again from the first page
            depth = page.nextCursor() == null || depth == 4 ? 0 : depth + 1;
            cursor = depth == 0 ? null : Cursor.decode(page.nextCursor());
        }
        Arrays.sort(samples);
        out.printf(
                "%-22s n=%d  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms  (avg %.1f rows/page)%n",
                label,
                iterations,
                ms(samples, 0.50),
                ms(samples, 0.95),
                ms(samples, 0.99),
                samples[samples.length - 1] / 1e6,
                rows / (double) iterations);
        StringBuilder perPage = new StringBuilder("    p99 by page: ");
        for (int k = 0; k < byDepth.size(); k++) {
            long[] d =
                    byDepth.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
            if (d.length > 0) {
                perPage.append(String.format(java.util.Locale.ROOT, "#%d %.2f ms  ", k + 1, ms(d, 0.99)));
            }
        }
        out.println(perPage);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static UUID uuid(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c, UUID distributor, Set<UUID> partners) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM leads WHERE distributor_id = ? OR partner_id = ANY(CAST(? AS uuid[]))")) {
            ps.setObject(1, distributor);
            ps.setObject(
                    2,
                    partners.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Set<PartnerId> partnerIds(Set<UUID> ids) {
        Set<PartnerId> typed = new HashSet<>();
        ids.forEach(id -> typed.add(new PartnerId(id)));
        return typed;
    }
}
