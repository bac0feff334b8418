package com.tentabo.prm.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.testing.SchemaFacts;
import com.tentabo.prm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/** A live database of the seed system is adopted: baselined at version 1, migrated on, every row intact. */
class SeedAdoptionTest {

    private static final String SEED_DATA = """
            INSERT INTO admin_users (id, username, password_hash, email, full_name, is_active)
              VALUES ('00000000-0000-0000-0000-00000000000a', 'admin', '$2b$12$abcdefghijklmnopqrstuuv1vH7n5a8cQmL0Yk1QzPpQ8sB3uO2xW', 'admin@example.com', 'Admin', true);
            INSERT INTO partners (id, name, registration_number, is_active) VALUES ('00000000-0000-0000-0000-0000000000b1', 'Acme', 'FR123', true);
            INSERT INTO distributors (id, name, registration_number, is_active) VALUES ('00000000-0000-0000-0000-0000000000c1', 'Distri', 'FR999', true);
            INSERT INTO distributor_partners (distributor_id, partner_id, is_active)
              VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1', true);
            INSERT INTO users (id, provider, provider_id, email, role, is_enabled, partner_id)
              VALUES ('00000000-0000-0000-0000-0000000000d1', 'ldap', 'uid=jdoe', 'jdoe@acme.test', 'PARTNER', true, '00000000-0000-0000-0000-0000000000b1');
            INSERT INTO products (id, name, type, unit, is_active) VALUES ('00000000-0000-0000-0000-0000000000e1', 'Storage', 'service', 'TB', 'true');
            INSERT INTO price_tiers (product_id, min_quantity, max_quantity, price_per_unit, period)
              VALUES ('00000000-0000-0000-0000-0000000000e1', 1, 10, 20.0000, 'month'),
                     ('00000000-0000-0000-0000-0000000000e1', 11, NULL, 15.0000, 'month');
            INSERT INTO durations (id, months, discount_percentage, name) VALUES ('00000000-0000-0000-0000-0000000000f1', 12, 10.00, '1 year');
            INSERT INTO leads (id, provider_name, title, organization, contact_name, status, owner_id, partner_id, value, currency, provider_metadata)
              VALUES ('00000000-0000-0000-0000-000000000101', 'pipedrive', 'Big deal', 'Client SA', 'Jane', 'QUALIFIED',
                      '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', 1234.56, 'EUR', '{"deal_id": 42}');
            INSERT INTO lead_status_history (lead_id, old_status, new_status, changed_by_user_id, reason)
              VALUES ('00000000-0000-0000-0000-000000000101', 'NEW', 'QUALIFIED', '00000000-0000-0000-0000-0000000000d1', 'call went well');
            INSERT INTO orders (id, order_number, status, created_by, partner_id, subtotal, discount_amount, tax_amount, total_amount)
              VALUES ('00000000-0000-0000-0000-000000000201', 'ORD-20251112-000001', 'FULFILLED', '00000000-0000-0000-0000-0000000000d1',
                      '00000000-0000-0000-0000-0000000000b1', 9000.00, 900.00, 1620.00, 9720.00);
            INSERT INTO order_items (order_id, product_id, duration_id, quantity, unit_price, discount_percentage, subtotal, discount_amount, total,
                                     product_name, product_type, product_unit, duration_months)
              VALUES ('00000000-0000-0000-0000-000000000201', '00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000f1',
                      60, 15.0000, 10.00, 9000.00, 900.00, 8100.00, 'Storage', 'service', 'TB', 12);
            INSERT INTO contracts (contract_number, order_id, status, billing_provider, user_id, partner_id, total_value, currency, billing_invoices)
              VALUES ('CNT-20251112-000001', '00000000-0000-0000-0000-000000000201', 'ACTIVE', 'pennylane',
                      '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-0000000000b1', 9720.00, 'EUR', '["inv_1"]');
            INSERT INTO provider_configs (provider_type, provider_name, is_active, configuration)
              VALUES ('CRM', 'pipedrive', true, '{"company_domain": "acme"}');
            INSERT INTO audit_logs (admin_user_id, action, entity_type, entity_id, changes)
              VALUES ('00000000-0000-0000-0000-00000000000a', 'create', 'order', '00000000-0000-0000-0000-000000000201', '{"status": {"after": "CREATED"}}');
            """;

    @Test
    void givenSeedDatabaseAtAlembicRevision_migrating_baselinesAtV1AndKeepsEveryRow() throws Exception {
        TestDatabase db = seedDatabase("adopt", SeedAdoption.SEED_ALEMBIC_REVISION);
        Map<String, String> before;
        try (Connection c = db.connect()) {
            before = tableFingerprints(c);
        }

        FluentConfiguration configuration = flyway(db);
        assertThat(SeedAdoption.configure(configuration)).isEqualTo(SeedAdoption.State.SEED_DATABASE);
        Flyway flyway = configuration.load();
        flyway.migrate();

        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
        assertThat(applied[0].getType().isBaseline()).isTrue();
        try (Connection c = db.connect()) {
            assertThat(tableFingerprints(c, before.keySet())).isEqualTo(before);
            assertThat(single(c, "SELECT version_num FROM alembic_version"))
                    .isEqualTo(SeedAdoption.SEED_ALEMBIC_REVISION);
            assertThat(single(c, "SELECT count(*) FROM leads")).isEqualTo("1");
            assertThat(single(c, "SELECT provider_metadata->>'deal_id' FROM leads"))
                    .isEqualTo("42");
        }

        // starting again is a no-op: the database is now managed by Flyway
        FluentConfiguration again = flyway(db);
        assertThat(SeedAdoption.configure(again)).isEqualTo(SeedAdoption.State.FRESH_OR_MANAGED);
        assertThat(again.load().migrate().migrationsExecuted).isZero();
    }

    @Test
    void givenSeedDatabaseAtAnotherAlembicRevision_migrating_refusesWithAClearMessage() throws Exception {
        TestDatabase db = seedDatabase("adopt_other", "0123456789ab");
        assertThatThrownBy(() -> SeedAdoption.configure(flyway(db)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0123456789ab")
                .hasMessageContaining(SeedAdoption.SEED_ALEMBIC_REVISION);
    }

    @Test
    void givenNonEmptyDatabaseWithoutAlembicOrFlyway_migrating_isRefusedNotAdopted() throws Exception {
        TestDatabase db = TestDatabase.create("foreign");
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE something_else (id int)");
        }
        FluentConfiguration configuration = flyway(db);
        assertThat(SeedAdoption.configure(configuration)).isEqualTo(SeedAdoption.State.FRESH_OR_MANAGED);
        assertThatThrownBy(() -> configuration.load().migrate()).hasMessageContaining("no schema history table");
    }

    private static FluentConfiguration flyway(TestDatabase db) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration");
    }

    private static TestDatabase seedDatabase(String prefix, String alembicRevision) throws SQLException {
        TestDatabase db = TestDatabase.create(prefix);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute(SchemaFacts.resource("/db/migration/V1__seed_schema_1_0_0.sql"));
            st.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                    + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
            st.execute("INSERT INTO alembic_version VALUES ('" + alembicRevision + "')");
            st.execute(SEED_DATA);
        }
        return db;
    }

    /** For every table, its seed columns and an md5 over all its rows' values in those columns. */
    private static Map<String, String> tableFingerprints(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
                                + "ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (var entry : columns.entrySet()) {
            fingerprints.put(
                    entry.getKey() + "(" + String.join(",", entry.getValue()) + ")",
                    fingerprint(c, entry.getKey(), entry.getValue()));
        }
        return fingerprints;
    }

    private static Map<String, String> tableFingerprints(Connection c, Iterable<String> keys) throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (String key : keys) {
            String table = key.substring(0, key.indexOf('('));
            List<String> cols = List.of(
                    key.substring(key.indexOf('(') + 1, key.length() - 1).split(","));
            fingerprints.put(key, fingerprint(c, table, cols));
        }
        return fingerprints;
    }

    private static String fingerprint(Connection c, String table, List<String> cols) throws SQLException {
        String row = "ROW(" + String.join(", ", cols) + ")::text";
        return single(
                c,
                "SELECT count(*) || ':' || coalesce(md5(string_agg(" + row + ", '|' ORDER BY " + row + ")), '-') FROM "
                        + table);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
