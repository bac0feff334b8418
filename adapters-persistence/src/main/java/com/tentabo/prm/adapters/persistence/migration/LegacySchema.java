package com.tentabo.prm.adapters.persistence.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape a database of the replaced system has at each Alembic revision: its tables, columns (type and
 * NULLability) and enum types, one fact a line, as {@code db/legacy/<revision>.schema} lists them (written from the
 * published migrations and {@code create_all}). {@link #differences} names what a database has that its revision
 * does not, and what it lacks. Before {@link LegacyRevision#CUSTOMER_FIELDS} the Pennylane mirror tables are optional
 * ({@code create_all} may or may not have run): they are left out of the comparison.
 */
public final class LegacySchema {

    /** Normalised facts of one schema; {@code alembic_version} and {@code flyway_schema_history} are not facts. */
    static final String FACTS_SQL = """
            SELECT 'table ' || c.relname
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('alembic_version', 'flyway_schema_history')
            UNION ALL
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
              FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
               AND c.relname NOT IN ('alembic_version', 'flyway_schema_history')
            UNION ALL
            SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
              FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = ? GROUP BY t.typname
            """;

    private static final int MOST_DIFFERENCES_NAMED = 12;

    private LegacySchema() {}

    public static Set<String> factsOf(Connection connection, String schema) throws SQLException {
        Set<String> facts = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(FACTS_SQL)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(rs.getString(1));
                }
            }
        }
        return facts;
    }

    public static Set<String> expected(LegacyRevision revision) {
        String path = "/db/legacy/" + revision.alembicRevision() + ".schema";
        try (InputStream in = LegacySchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new TreeSet<>(Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What differs between the database's facts and its revision's, as readable lines; empty when they match. A
     * table missing or unexpected as a whole is one line, not one per column.
     */
    public static List<String> differences(LegacyRevision revision, Set<String> actual) {
        Set<String> expected = comparable(revision, expected(revision));
        Set<String> found = comparable(revision, actual);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(expected);
        List<String> differences = new ArrayList<>();
        describe("missing ", missing, differences);
        describe("unexpected ", unexpected, differences);
        return differences;
    }

    private static void describe(String what, Set<String> facts, List<String> differences) {
        Set<String> wholeTables = new TreeSet<>();
        for (String fact : facts) {
            if (fact.startsWith("table ")) {
                wholeTables.add(fact.substring("table ".length()));
            }
        }
        for (String fact : facts) {
            boolean columnOfWholeTable = fact.startsWith("column ")
                    && wholeTables.contains(fact.substring("column ".length(), fact.indexOf('.')));
            if (!columnOfWholeTable) {
                differences.add(what + fact);
            }
        }
    }

    /** The differences in one sentence, at most {@value #MOST_DIFFERENCES_NAMED} named. */
    static String describe(List<String> differences) {
        String named = String.join("; ", differences.subList(0, Math.min(differences.size(), MOST_DIFFERENCES_NAMED)));
        return differences.size() > MOST_DIFFERENCES_NAMED
                ? named + "; and " + (differences.size() - MOST_DIFFERENCES_NAMED) + " more"
                : named;
    }

    private static Set<String> comparable(LegacyRevision revision, Set<String> facts) {
        if (revision.requiresPennylaneTables()) {
            return facts;
        }
        Set<String> kept = new TreeSet<>();
        for (String fact : facts) {
            if (!fact.startsWith("table pennylane_") && !fact.startsWith("column pennylane_")) {
                kept.add(fact);
            }
        }
        return kept;
    }
}
