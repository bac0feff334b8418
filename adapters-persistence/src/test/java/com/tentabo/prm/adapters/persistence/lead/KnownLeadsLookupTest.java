package com.tentabo.prm.adapters.persistence.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.persistence.MigratedDatabase;
import com.tentabo.prm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The known leads' lookup of an import on real PostgreSQL, in the state a first import leaves the statistics in: they
 * say the provider has no lead while the table already holds thousands of its leads.
 */
class KnownLeadsLookupTest {

    private static final String OLD_LOOKUP =
            "SELECT provider_id, id FROM leads WHERE provider_name = ? AND provider_id = ANY (?) ORDER BY created_at, id";

    private static Connection db;

    @BeforeAll
    static void fill() throws Exception {
        TestDatabase database = MigratedDatabase.create("known_leads");
        db = database.connect();
        try (Statement st = db.createStatement()) {
            st.execute(
                    "ALTER TABLE leads SET (autovacuum_enabled = false)"); // the statistics stay as ANALYZE left them
            st.execute("INSERT INTO users (id, provider, provider_id, email, role, is_enabled) "
                    + "VALUES ('00000000-0000-4000-8000-000000000001', 'test', 'owner', 'o@x.example', 'ADMIN', true)");
            st.execute(leads("other", 1, 2000, "now() - interval '2 days'"));
            st.execute("ANALYZE leads");
            st.execute(leads("pipedrive", 1, 20000, "now() - interval '1 day'"));
            // a repeat of pd-7, newer, and another provider's lead with the same CRM id
            st.execute(leads("pipedrive", 7, 7, "now()"));
            st.execute(leads("other", 8, 8, "now() - interval '3 days'"));
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void theLookupProbesEachIdAndNeverScansTheProvidersRows() throws SQLException {
        List<String> page = ids(100_000, 500);
        assertThat(plan(OLD_LOOKUP, "pipedrive", page))
                .as("the trap is set: the old lookup scans the provider's index range")
                .contains("ix_leads_provider_name");
        String plan = plan(JpaLeadSyncRepository.FIND_KNOWN, page, "pipedrive");
        assertThat(plan).contains("ix_leads_provider_id").doesNotContain("ix_leads_provider_name");
    }

    @Test
    void theLookupFindsTheProvidersOldestLeadForEachIdItNames() throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement(JpaLeadSyncRepository.FIND_KNOWN)) {
            ps.setArray(1, db.createArrayOf("text", new Object[] {"pd-7", "pd-8", "pd-999999"}));
            ps.setString(2, "pipedrive");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertThat(found).containsOnlyKeys("pd-7", "pd-8");
        assertThat(found.get("pd-7")).isEqualTo(single("pipedrive", "pd-7", "ORDER BY created_at LIMIT 1"));
        assertThat(found.get("pd-8")).isEqualTo(single("pipedrive", "pd-8", "LIMIT 1"));
    }

    private static String leads(String provider, int from, int to, String createdAt) {
        return "INSERT INTO leads (provider_name, provider_id, title, organization, contact_name, status, owner_id, "
                + "created_at) SELECT '" + provider + "', 'pd-' || i, 'Lead ' || i, 'Org ' || i, 'Contact', 'NEW', "
                + "'00000000-0000-4000-8000-000000000001', " + createdAt + " FROM generate_series(" + from + ", " + to
                + ") AS i";
    }

    private static List<String> ids(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> "pd-" + i).toList();
    }

    /** The plan PostgreSQL chooses for the statement with these parameters (an array given as a list). */
    private static String plan(String sql, Object first, Object second) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("EXPLAIN " + sql)) {
            bind(ps, 1, first);
            bind(ps, 2, second);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof List<?> list) {
            ps.setArray(index, db.createArrayOf("text", list.toArray()));
        } else {
            ps.setString(index, (String) value);
        }
    }

    private static String single(String provider, String providerId, String order) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT id FROM leads WHERE provider_name = ? AND provider_id = ? " + order)) {
            ps.setString(1, provider);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class).toString();
            }
        }
    }
}
