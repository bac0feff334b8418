package com.tentabo.prm.adapters.persistence.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.domain.registration.CustomerKeys;
import com.tentabo.prm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database's customer keys (prm_org_key, prm_domain_key of V15) are the domain's, character for character, and
 * V16 installs pg_trgm where it can, and still succeeds where it cannot; V30 keeps the distinct organisation keys (by
 * trigger) with the one trigram index the near-name search reads; V48 keeps them once per inserting statement.
 */
class RegistrationMigrationTest {

    private static final java.util.UUID OWNER = java.util.UUID.randomUUID();
    private static final String LEAD = "INSERT INTO leads (id, provider_name, title, contact_name, status, owner_id, "
            + "organization) VALUES (gen_random_uuid(), 'tentabo', 'Keys', 'Jane', 'NEW', '" + OWNER + "', ";
    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.create("registration_keys");
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @Test
    void givenNamesAndAddresses_theSqlKeys_equalTheDomainKeys() throws Exception {
        List<String> samples = new ArrayList<>(List.of(
                "Société Générale S.A.",
                "ACME GmbH & Co. KG",
                "L'Œuvre Française SARL",
                "Straße Bau GmbH",
                "Ørsted AS",
                "  Fiat S.p.A. ",
                "SAS",
                "",
                "İstanbul Kağıt A.Ş.",
                "Big Blue Ltd (UK)",
                "jane@sales.eu.acme.co.uk",
                "https://www.acme.com.au:8080/x",
                "acme.example.",
                "not a domain",
                "JANE@ACME.FR",
                " \tacme.fr",
                "a@b@shop.acme.gouv.fr",
                "ÆRØ Bryggeri ApS",
                "Crème Brûlée Inc."));
        Random random = new Random(20260301L);
        String alphabet = "aZé É.'’-&@/:?#ßæŒİıKk 09\t" + CustomerKeys.ACCENTED.substring(0, 40) + "ΣЖ漢";
        for (int i = 0; i < 400; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(random.nextBoolean() ? s.toString() : s + "." + (random.nextBoolean() ? "fr" : "co.uk"));
        }
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement("SELECT prm_org_key(?), prm_domain_key(?)")) {
            for (String sample : samples) {
                st.setString(1, sample);
                st.setString(2, sample);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1))
                            .as("org key of [%s]", sample)
                            .isEqualTo(CustomerKeys.organization(sample));
                    assertThat(rs.getString(2)).as("domain key of [%s]", sample).isEqualTo(CustomerKeys.domain(sample));
                }
            }
        }
    }

    @Test
    void givenTheEmbeddedServer_v16_installsPgTrgm_andV30_indexesTheDistinctKeysInsteadOfEveryRow() throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            assertThat(one(st, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"))
                    .isEqualTo("1");
            assertThat(one(
                            st,
                            "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes "
                                    + "WHERE indexname LIKE '%trgm'"))
                    .isEqualTo("ix_customer_org_keys_trgm");
            assertThat(
                            one(
                                    st,
                                    "SELECT similarity(prm_org_key('Acme Industries SAS'), prm_org_key('ACME Industrie'))::numeric(3,2)::text"))
                    .isEqualTo("0.82");
        }
    }

    @Test
    void givenLeadsAndRegistrations_theirOrganisationKeys_areKeptInTheDistinctKeys() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES ('" + OWNER
                    + "', 'test', 'keys-" + tag + "', 'keys-" + tag
                    + "@x.example', 'ADMIN', true) ON CONFLICT DO NOTHING");
            st.execute(LEAD + "'Zyxt " + tag + " S.A.R.L.')");
            assertThat(one(st, "SELECT count(*) FROM customer_org_keys WHERE org_key = 'zyxt " + tag + "'"))
                    .isEqualTo("1");
            st.execute("UPDATE leads SET organization = 'Wuvt " + tag + " GmbH' WHERE organization = 'Zyxt " + tag
                    + " S.A.R.L.'");
            assertThat(one(
                            st,
                            "SELECT count(*) FROM customer_org_keys WHERE org_key IN ('wuvt " + tag + "', 'zyxt " + tag
                                    + "')"))
                    .isEqualTo("2");
            // a name that is nothing but legal forms has no key, and is never kept
            st.execute(LEAD + "'S.A.S.')");
            assertThat(one(st, "SELECT count(*) FROM customer_org_keys WHERE org_key = ''"))
                    .isEqualTo("0");
        }
    }

    @Test
    void givenOneStatementInsertingManyLeads_theDistinctKeysOfTheirOrganisations_areKeptOnce() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES ('" + OWNER
                    + "', 'test', 'keys-" + tag + "', 'keys-" + tag
                    + "@x.example', 'ADMIN', true) ON CONFLICT DO NOTHING");
            st.execute("INSERT INTO leads (id, provider_name, title, contact_name, status, owner_id, organization) "
                    + "SELECT gen_random_uuid(), 'tentabo', 'Keys', 'Jane', 'NEW', '" + OWNER + "', o "
                    + "FROM unnest(ARRAY['Qwop " + tag + " SAS', 'QWOP " + tag + "', 'Qwöp " + tag + " GmbH', "
                    + "'Vyrk " + tag + " Ltd', 'S.A.R.L.', 'Vyrk " + tag + " Ltd']) AS o");
            assertThat(one(
                            st,
                            "SELECT string_agg(org_key, ',' ORDER BY org_key) FROM customer_org_keys "
                                    + "WHERE org_key LIKE '% " + tag + "'"))
                    .isEqualTo("qwop " + tag + ",vyrk " + tag);
            assertThat(one(st, "SELECT count(*) FROM customer_org_keys WHERE org_key = ''"))
                    .isEqualTo("0");
        }
    }

    @Test
    void givenTwoTransactionsInsertingLeadsOfTheSameNewOrganisations_inOppositeOrders_bothCommit() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String insert = "INSERT INTO leads (id, provider_name, title, contact_name, status, owner_id, organization) "
                + "SELECT gen_random_uuid(), 'tentabo', 'Keys', 'Jane', 'NEW', '" + OWNER + "', o FROM unnest(ARRAY[";
        try (Connection first = db.connect();
                Connection second = db.connect();
                Statement st = first.createStatement()) {
            st.execute("INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES ('" + OWNER
                    + "', 'test', 'keys-" + tag + "', 'keys-" + tag
                    + "@x.example', 'ADMIN', true) ON CONFLICT DO NOTHING");
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            st.execute(insert + "'Alpha " + tag + "', 'Omega " + tag + "']) AS o");
            java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (Statement st2 = second.createStatement()) {
                    // waits for the first transaction's keys, taken in the same (key) order: no circle
                    st2.execute(insert + "'Omega " + tag + "', 'Alpha " + tag + "', 'Beta " + tag + "']) AS o");
                    second.commit();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            first.commit();
            other.get(30, java.util.concurrent.TimeUnit.SECONDS);
            first.setAutoCommit(true);
            assertThat(one(st, "SELECT count(*) FROM customer_org_keys WHERE org_key LIKE '% " + tag + "'"))
                    .isEqualTo("3");
            assertThat(one(st, "SELECT count(*) FROM leads WHERE organization LIKE '% " + tag + "'"))
                    .isEqualTo("5");
        }
    }

    @Test
    void givenARoleThatMayNotInstallExtensions_theMigrationsStillRun_withoutTrigramIndexes() throws Exception {
        TestDatabase restricted = TestDatabase.create("registration_no_trgm");
        String role = restricted.name() + "_owner";
        try (Connection c = restricted.connect();
                Statement st = c.createStatement()) {
            st.execute("REVOKE CREATE ON DATABASE " + restricted.name() + " FROM PUBLIC");
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'no-extensions'");
            st.execute("GRANT CONNECT ON DATABASE " + restricted.name() + " TO " + role);
        }
        Flyway.configure()
                .dataSource(restricted.jdbcUrl(), role, "no-extensions")
                .locations("classpath:db/migration")
                .load()
                .migrate();

        try (Connection c = DriverManager.getConnection(restricted.jdbcUrl(), role, "no-extensions");
                Statement st = c.createStatement()) {
            assertThat(one(st, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"))
                    .isEqualTo("0");
            assertThat(one(st, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE '%trgm'"))
                    .isEqualTo("0");
            assertThat(one(st, "SELECT prm_org_key('ACME S.A.S.')")).isEqualTo("acme");
            assertThat(one(st, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_leads_org_key'"))
                    .isEqualTo("1");
            assertThat(one(st, "SELECT count(*) FROM pg_tables WHERE tablename = 'customer_org_keys'"))
                    .isEqualTo("1");
        }
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
