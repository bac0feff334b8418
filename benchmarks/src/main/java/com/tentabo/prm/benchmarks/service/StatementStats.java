package com.tentabo.prm.benchmarks.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's own account of the statements a run made ({@code pg_stat_statements}), for the drivers that take
 * {@code -Dprm.bench.pg-stats=true}: which statements the database spent its time on, per unit of the run's work.
 * Statements run by triggers and functions are counted too, each under its own text.
 */
public final class StatementStats {

    /** Whether the run was asked for the statements' account. */
    public static final boolean ASKED = Boolean.getBoolean("prm.bench.pg-stats");

    private StatementStats() {}

    /** Loads the extension at the server's start, counting nested statements too. */
    public static EmbeddedPostgres.Builder loadedInto(EmbeddedPostgres.Builder server) {
        return server.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all");
    }

    /** Forgets what was counted so far: the account starts now. */
    public static void reset(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            st.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements that took most time since {@link #reset}, with their time per {@code unit}. */
    public static void print(String url, String run, long count, String unit) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT calls, total_exec_time, rows, min_exec_time, max_exec_time, "
                        + "left(regexp_replace(query, '\\s+', ' ', 'g'), 110) "
                        + "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20")) {
            System.out.printf("PostgreSQL statements during %s (%d %ss):%n", run, count, unit);
            while (rs.next()) {
                System.out.printf(
                        "  %7d calls %9d rows %8.1f ms total %6.3f ms/%s (each %.2f–%.2f ms)  %s%n",
                        rs.getLong(1),
                        rs.getLong(3),
                        rs.getDouble(2),
                        rs.getDouble(2) / Math.max(1, count),
                        unit,
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getString(6));
            }
        }
    }
}
