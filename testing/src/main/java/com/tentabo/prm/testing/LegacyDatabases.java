package com.tentabo.prm.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Databases of the replaced system at each Alembic revision of its chain, built the way its published migrations
 * and {@code create_all} built them ({@code /legacy/*.sql}: each revision's DDL, then rows the system wrote at that
 * revision), on top of the seed schema ({@code V1__seed_schema_1_0_0.sql}, which is revision a8e2b505fe67 exactly).
 * The Pennylane mirror tables come from {@code create_all} right before 591f669a8f74, the first revision that
 * alters one of them.
 */
public final class LegacyDatabases {

    /** The chain, oldest first. */
    public static final List<String> CHAIN = List.of(
            "a8e2b505fe67",
            "2919e6e03409",
            "20251116233316",
            "591f669a8f74",
            "b04fa3516d42",
            "c6907407f0af",
            "7db160b68c8f",
            "89e3af466eb3",
            "736c4265309c");

    public static final String CHAIN_END = "736c4265309c";
    private static final String CREATE_ALL_BEFORE = "591f669a8f74";

    private LegacyDatabases() {}

    /** A new database holding the replaced system's schema and rows at {@code revision}. */
    public static TestDatabase at(String revision) {
        TestDatabase db = TestDatabase.create("legacy_" + revision);
        try (Connection c = db.connect()) {
            build(c, revision);
        } catch (SQLException e) {
            throw new IllegalStateException("could not build the legacy database at " + revision, e);
        }
        return db;
    }

    public static void build(Connection connection, String revision) throws SQLException {
        int last = CHAIN.indexOf(revision);
        if (last < 0) {
            throw new IllegalArgumentException("not a revision of the chain: " + revision);
        }
        try (Statement st = connection.createStatement()) {
            st.execute(SchemaFacts.resource("/db/migration/V1__seed_schema_1_0_0.sql"));
            for (String step : CHAIN.subList(0, last + 1)) {
                if (step.equals(CREATE_ALL_BEFORE)) {
                    st.execute(SchemaFacts.resource("/legacy/pennylane-create-all.sql"));
                }
                st.execute(SchemaFacts.resource("/legacy/" + step + ".sql"));
            }
        }
    }

    /**
     * For every table of the given columns, a count and an md5 over all its rows' values in those columns:
     * {@code table(col,col,…) → count:md5}.
     */
    public static Map<String, String> fingerprints(Connection c, Map<String, List<String>> columns)
            throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (var entry : columns.entrySet()) {
            String row = "ROW(" + String.join(", ", entry.getValue()) + ")::text";
            fingerprints.put(
                    entry.getKey() + "(" + String.join(",", entry.getValue()) + ")",
                    single(
                            c,
                            "SELECT count(*) || ':' || coalesce(md5(string_agg(" + row + ", '|' ORDER BY " + row
                                    + ")), '-') FROM " + entry.getKey()));
        }
        return fingerprints;
    }

    /** Every table's columns, in order (alembic_version and flyway_schema_history left out). */
    public static Map<String, List<String>> columns(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                + "AND table_name NOT IN ('alembic_version', 'flyway_schema_history') "
                                + "ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    public static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
