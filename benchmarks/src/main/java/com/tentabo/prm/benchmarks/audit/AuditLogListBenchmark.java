package com.tentabo.prm.benchmarks.audit;

import com.tentabo.prm.adapters.persistence.audit.JpaAuditLogRepository;
import com.tentabo.prm.adapters.persistence.shared.KeysetSql;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;

/**
 * Measures {@code GET /api/v1/audit-logs}' SQL (the statement {@link KeysetSql} builds for
 * {@link JpaAuditLogRepository}) on 2,000,000 audit rows: pages of 51 rows (a page of 50 plus the one that says
 * there is a next page), newest first, with each filter, following the cursor 5 pages deep.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.audit.AuditLogListBenchmark [data-dir] [iterations]
 * </pre>
 * The embedded PostgreSQL 13.22 keeps its data in {@code data-dir} (default {@code target/audit-bench-pg}): the rows
 * are generated once (about 1.5 minutes) and reused.
 */
public final class AuditLogListBenchmark {

    static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000ad01");

    private AuditLogListBenchmark() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path dir = Path.of(args.length > 0 ? args[0] : "target/audit-bench-pg");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "256MB")
                .start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                Flyway.configure()
                        .dataSource(url, "postgres", "postgres")
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                generate(c, out);
                Instant newest = Instant.now();
                measure(out, c, iterations, "no filter", q -> q);
                measure(out, c, iterations, "entity_type=order (60 %)", q -> q.eq("entity_type", "order"));
                measure(out, c, iterations, "entity_type=product (10 %)", q -> q.eq("entity_type", "product"));
                measure(out, c, iterations, "action=create (33 %)", q -> q.eq("action", "create"));
                measure(out, c, iterations, "admin_user_id (50 %)", q -> q.eq("admin_user_id", ADMIN));
                measure(
                        out,
                        c,
                        iterations,
                        "entity_id (20 rows)",
                        q -> q.eq("entity_id", uuid(c, "SELECT md5('4242')::uuid")));
                measure(out, c, iterations, "since: the last hour", q -> q.window(newest.minusSeconds(3600), null));
                measure(
                        out,
                        c,
                        iterations,
                        "window 10 days ago, 1 day",
                        q -> q.window(newest.minusSeconds(10L * 86400), newest.minusSeconds(9L * 86400)));
            }
        }
    }

    static void generate(Connection c, PrintStream out) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_logs")) {
                rs.next();
                if (rs.getLong(1) >= 2_000_000) {
                    return;
                }
            }
            long t = System.nanoTime();
            st.execute("INSERT INTO admin_users (id, username, password_hash, email, is_active) VALUES ('" + ADMIN
                    + "', 'bench-admin', 'x', 'bench@example.org', true) ON CONFLICT DO NOTHING");
            st.execute("INSERT INTO audit_logs (id, user_id, admin_user_id, action, entity_type, entity_id, changes, "
                    + "created_at) SELECT gen_random_uuid(), NULL, CASE WHEN g % 2 = 0 THEN '" + ADMIN + "'::uuid END, "
                    + "CASE WHEN g % 3 = 0 THEN 'create' ELSE 'update' END, "
                    + "CASE WHEN g % 10 < 6 THEN 'order' WHEN g % 10 < 9 THEN 'lead' ELSE 'product' END, "
                    + "md5((g / 20)::text)::uuid, '{\"status\": {\"before\": \"created\", \"after\": \"sent\"}}'::jsonb, "
                    + "now() - (g || ' seconds')::interval FROM generate_series(1, 2000000) g");
            st.execute("VACUUM ANALYZE audit_logs");
            out.printf(
                    "generated 2,000,000 audit rows (one per second: the last 23 days) in %d s%n",
                    (System.nanoTime() - t) / 1_000_000_000);
        }
    }

    /** Walks 5 pages deep along the cursor, {@code iterations} times; prints the percentiles of one page. */
    static void measure(PrintStream out, Connection c, int iterations, String name, UnaryOperator<KeysetSql> filter)
            throws SQLException {
        long[] nanos = new long[iterations * 5];
        int n = 0;
        int rows = 0;
        for (int i = 0; i < iterations; i++) {
            Instant at = null;
            UUID id = null;
            for (int page = 0; page < 5; page++) {
                KeysetSql q = filter.apply(new KeysetSql(JpaAuditLogRepository.COLUMNS, "created_at", "id"))
                        .after(at, id);
                long t = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(q.newestFirst(51))) {
                    List<Object> params = q.params();
                    for (int p = 0; p < params.size(); p++) {
                        ps.setObject(p + 1, params.get(p));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        int read = 0;
                        while (rs.next()) {
                            for (int col = 1; col <= 10; col++) {
                                rs.getObject(col);
                            }
                            if (++read == 50) {
                                at = rs.getTimestamp(10).toInstant();
                                id = rs.getObject(1, UUID.class);
                            }
                        }
                        rows += read;
                    }
                }
                nanos[n++] = System.nanoTime() - t;
            }
        }
        long[] measured = Arrays.copyOfRange(nanos, nanos.length / 10, nanos.length); // first 10 % warm up
        Arrays.sort(measured);
        out.printf(
                "%-28s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d rows read)%n",
                name,
                ms(measured, 0.50),
                ms(measured, 0.95),
                ms(measured, 0.99),
                measured[measured.length - 1] / 1e6,
                rows);
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static UUID uuid(Connection c, String sql) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
