package com.tentabo.prm.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.testing.SchemaFacts;
import com.tentabo.prm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The seed schema is our contract with production: V1 alone must reproduce every fact of the reference list
 * (columns, types, nullability, defaults, enums, constraints, indexes and their names), and the later
 * migrations may only add to it.
 */
class SeedSchemaFactsTest {

    @Test
    void givenFreshDatabase_migratedToV1_schemaFactsEqualTheSeedReferenceExactly() throws Exception {
        TestDatabase db = TestDatabase.create("facts_v1");
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();

        try (Connection c = db.connect()) {
            assertThat(serverVersion(c)).startsWith("13.");
            List<String> actual = SchemaFacts.of(c);
            assertThat(actual).containsExactlyInAnyOrderElementsOf(SchemaFacts.reference());
        }
    }

    @Test
    void givenFreshDatabase_migratedToLatest_everySeedFactIsStillPresent() throws Exception {
        TestDatabase db = TestDatabase.create("facts_latest");
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();

        try (Connection c = db.connect()) {
            List<String> missing = multisetMinus(SchemaFacts.reference(), SchemaFacts.of(c));
            assertThat(missing)
                    .as("seed facts changed or removed by a later migration")
                    .isEmpty();
        }
    }

    private static String serverVersion(Connection c) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> multisetMinus(List<String> expected, List<String> actual) {
        Map<String, Integer> counts = new HashMap<>();
        actual.forEach(fact -> counts.merge(fact, 1, Integer::sum));
        List<String> missing = new ArrayList<>();
        for (String fact : expected) {
            if (counts.getOrDefault(fact, 0) > 0) {
                counts.merge(fact, -1, Integer::sum);
            } else {
                missing.add(fact);
            }
        }
        return missing;
    }
}
