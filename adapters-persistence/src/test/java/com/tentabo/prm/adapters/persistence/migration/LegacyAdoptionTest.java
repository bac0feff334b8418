package com.tentabo.prm.adapters.persistence.migration;

import static com.tentabo.prm.testing.LegacyDatabases.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.testing.LegacyDatabases;
import com.tentabo.prm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database of the replaced system at each revision of its chain (built by {@link LegacyDatabases} from the
 * published migrations) is recognised, baselined at the version naming its revision and migrated to this service's
 * schema with every legacy column's values unchanged; it then takes the rows this service writes.
 */
class LegacyAdoptionTest {

    private static final String ACME = "b0000000-0000-4000-8000-000000000001";
    private static final String ACME_CUSTOMER = "71000000-0000-4000-8000-000000000003";

    @ParameterizedTest
    @EnumSource(LegacyRevision.class)
    void givenLegacyDatabaseAtRevision_migrating_baselinesThereAndKeepsEveryLegacyValue(LegacyRevision revision)
            throws Exception {
        TestDatabase db = LegacyDatabases.at(revision.alembicRevision());
        Map<String, List<String>> legacyColumns;
        Map<String, String> before;
        try (Connection c = db.connect()) {
            assertThat(LegacySchema.factsOf(c, "public")).isEqualTo(LegacySchema.expected(revision));
            legacyColumns = LegacyDatabases.columns(c);
            before = LegacyDatabases.fingerprints(c, legacyColumns);
        }

        FluentConfiguration configuration = flyway(db);
        assertThat(SeedAdoption.configure(configuration)).isEqualTo(SeedAdoption.State.SEED_DATABASE);
        Flyway flyway = configuration.load();
        flyway.migrate();

        MigrationInfo baseline = flyway.info().applied()[0];
        assertThat(baseline.getType().isBaseline()).isTrue();
        assertThat(baseline.getVersion().getVersion()).isEqualTo(revision.baselineVersion());
        assertThat(baseline.getDescription()).contains(revision.alembicRevision());
        try (Connection c = db.connect()) {
            assertThat(LegacyDatabases.fingerprints(c, renamedAtAdoption(legacyColumns))
                            .values())
                    .containsExactlyElementsOf(before.values());
            assertThat(single(c, "SELECT version_num FROM alembic_version")).isEqualTo(revision.alembicRevision());
            assertThatTheServiceCanWrite(c, revision);
        }

        FluentConfiguration again = flyway(db);
        assertThat(SeedAdoption.configure(again)).isEqualTo(SeedAdoption.State.FRESH_OR_MANAGED);
        assertThat(again.load().migrate().migrationsExecuted).isZero();
    }

    @Test
    void givenKeysOfTheReplacedSystem_adopting_keepsUsableOnesAndRevokesTheRest() throws Exception {
        TestDatabase db = LegacyDatabases.at(LegacyRevision.API_KEYS.alembicRevision());
        migrate(db);
        try (Connection c = db.connect()) {
            assertThat(single(
                            c,
                            "SELECT prefix || ' ' || scopes || ' ' || (revoked_at IS NULL) || ' ' || owner_admin_user_id "
                                    + "FROM api_keys WHERE id = '60000000-0000-4000-8000-000000000001'"))
                    .isEqualTo("tnt_Lg4c read,write true a0000000-0000-4000-8000-000000000001");
            assertThat(single(c, "SELECT revoked_at FROM api_keys WHERE id = '60000000-0000-4000-8000-000000000002'"))
                    .startsWith("2025-11-20 10:00:00");
            assertThat(single(
                            c,
                            "SELECT (revoked_at IS NOT NULL) || ' ' || scopes FROM api_keys "
                                    + "WHERE id = '60000000-0000-4000-8000-000000000003'"))
                    .isEqualTo("true read");
            assertThat(single(c, "SELECT count(*) FROM api_keys WHERE id = '60000000-0000-4000-8000-000000000004'"))
                    .isEqualTo("0");
            assertThat(single(
                            c,
                            "SELECT (revoked_at IS NULL) || ' ' || scopes || ' ' || expires_at FROM api_keys "
                                    + "WHERE id = '60000000-0000-4000-8000-000000000005'"))
                    .startsWith("true read 2020-01-01");
            assertThat(single(c, "SELECT count(*) FROM legacy_api_keys")).isEqualTo("5");
        }
    }

    @Test
    void givenPennylaneTablesBeforeTheRevisionThatNeedsThem_adopting_acceptsAndKeepsThem() throws Exception {
        TestDatabase db = LegacyDatabases.at(LegacyRevision.PRODUCT_TYPES.alembicRevision());
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute(com.tentabo.prm.testing.SchemaFacts.resource("/legacy/pennylane-create-all.sql"));
        }
        migrate(db);
        try (Connection c = db.connect()) {
            assertThat(single(c, "SELECT count(*) FROM pennylane_invoices")).isEqualTo("3");
        }
    }

    @Test
    void givenAlembicRevisionOutsideTheChain_starting_refusesNamingItAndWritesNothing() throws Exception {
        TestDatabase db = LegacyDatabases.at(LegacyRevision.CONTRACT_TYPE.alembicRevision());
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("UPDATE alembic_version SET version_num = 'f00dfeedbeef'");
        }
        assertRefusedUnchanged(db, "'f00dfeedbeef'", "not in the chain", "a8e2b505fe67 → 2919e6e03409");
    }

    @Test
    void givenSchemaThatIsNotItsRevisions_starting_refusesNamingWhatDiffersAndWritesNothing() throws Exception {
        TestDatabase db = LegacyDatabases.at(LegacyRevision.CONTRACT_TYPE.alembicRevision());
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE contracts DROP COLUMN value_per_period");
            st.execute("ALTER TABLE contracts ALTER COLUMN customer_id DROP NOT NULL");
            st.execute("ALTER TABLE products ADD COLUMN colour TEXT");
        }
        assertRefusedUnchanged(
                db,
                "736c4265309c",
                "missing column contracts.value_per_period numeric(12,2) null",
                "missing column contracts.customer_id uuid not null",
                "unexpected column contracts.customer_id uuid null",
                "unexpected column products.colour text null",
                "Nothing was changed");
    }

    @Test
    void givenRevisionWhoseMirrorTablesAreMissing_starting_refuses() throws Exception {
        TestDatabase db = LegacyDatabases.at(LegacyRevision.CUSTOMER_FIELDS.alembicRevision());
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE pennylane_subscriptions");
        }
        assertRefusedUnchanged(db, "missing table pennylane_subscriptions");
    }

    private static void assertRefusedUnchanged(TestDatabase db, String... named) throws SQLException {
        Set<String> facts;
        Map<String, String> rows;
        try (Connection c = db.connect()) {
            facts = LegacySchema.factsOf(c, "public");
            rows = LegacyDatabases.fingerprints(c, LegacyDatabases.columns(c));
        }
        FluentConfiguration configuration = flyway(db);
        assertThatThrownBy(() -> SeedAdoption.configure(configuration))
                .isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(named));
        try (Connection c = db.connect()) {
            assertThat(LegacySchema.factsOf(c, "public")).isEqualTo(facts);
            assertThat(LegacyDatabases.fingerprints(c, LegacyDatabases.columns(c)))
                    .isEqualTo(rows);
            assertThat(single(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'flyway_schema_history'"))
                    .isEqualTo("0");
        }
    }

    /** What the JPA adapters write, with no legacy column named: the database fills the legacy NOT NULL ones. */
    private static void assertThatTheServiceCanWrite(Connection c, LegacyRevision revision) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(
                    "INSERT INTO products (id, name, type, unit, is_active, pricing_mode, created_at, updated_at) VALUES "
                            + "('e0000000-0000-4000-8000-0000000000ff', 'New Product', 'firewall', 'unit', 'true', 'VOLUME', now(), now())");
            st.execute(
                    "INSERT INTO orders (id, order_number, status, created_by, partner_id, subtotal, discount_amount, "
                            + "tax_amount, total_amount, currency, kind, version, created_at, updated_at) VALUES "
                            + "('20000000-0000-4000-8000-0000000000ff', 'ORD-20261203-000099', 'FULFILLED', "
                            + "'c0000000-0000-4000-8000-000000000001', '" + ACME
                            + "', 10.00, 0, 2.00, 12.00, 'EUR', 'NEW', 0, now(), now())");
            st.execute(
                    "INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, partner_id, "
                            + "activation_date, total_value, currency, contract_type, version, created_at, updated_at) VALUES "
                            + "('30000000-0000-4000-8000-0000000000ff', 'CNT-20261203-000099', '20000000-0000-4000-8000-0000000000ff', "
                            + "'ACTIVE', 'none', 'c0000000-0000-4000-8000-000000000001', '" + ACME
                            + "', now(), 12.00, 'EUR', "
                            + "'RESELLER', 0, now(), now())");
        }
        if (revision.compareTo(LegacyRevision.PRODUCT_TYPES) >= 0) {
            assertThat(single(
                            c,
                            "SELECT pt.name || ' ' || pt.is_active FROM products p JOIN product_types pt ON pt.id = p.type_id "
                                    + "WHERE p.id = 'e0000000-0000-4000-8000-0000000000ff'"))
                    .isEqualTo("firewall true");
            assertThat(single(
                            c,
                            "SELECT string_agg(p.type || '=' || pt.name, ',' ORDER BY p.name) FROM products p "
                                    + "JOIN product_types pt ON pt.id = p.type_id"))
                    .isEqualTo(
                            "appliance=appliance,storage=storage,firewall=firewall,Storage =Storage ,license=license");
        }
        if (revision.compareTo(LegacyRevision.CUSTOMER_ID) >= 0) {
            assertThat(single(c, "SELECT customer_id FROM contracts WHERE id = '30000000-0000-4000-8000-0000000000ff'"))
                    .isEqualTo(ACME_CUSTOMER);
        }
    }

    /** The legacy columns' tables after adoption: the replaced system's api_keys is legacy_api_keys. */
    private static Map<String, List<String>> renamedAtAdoption(Map<String, List<String>> columns) {
        Map<String, List<String>> renamed = new LinkedHashMap<>();
        columns.forEach((table, cols) -> renamed.put(table.equals("api_keys") ? "legacy_api_keys" : table, cols));
        return renamed;
    }

    private static void migrate(TestDatabase db) {
        FluentConfiguration configuration = flyway(db);
        SeedAdoption.configure(configuration);
        configuration.load().migrate();
    }

    private static FluentConfiguration flyway(TestDatabase db) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration");
    }
}
