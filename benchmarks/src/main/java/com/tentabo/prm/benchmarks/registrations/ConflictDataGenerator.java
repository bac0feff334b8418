package com.tentabo.prm.benchmarks.registrations;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills a migrated database for the conflict check, entirely server-side: each table is one
 * {@code INSERT … SELECT … FROM generate_series(…)} and the secondary indexes of {@code leads} and {@code registrations}
 * (the key and trigram indexes of V15/V16 among them) are dropped before the load and built again after it, because
 * building an index once is far cheaper than maintaining it row by row (a GIN trigram index most of all).
 *
 * <ul>
 *   <li>{@code leads / 100} partners (at least 10), each with one enabled user, and {@code partners / 20} distributors
 *       (at least 1);</li>
 *   <li>{@code leads / 20} customers (at least 1), each named by two invented words and a legal form, with its own web
 *       domain and SIREN: the leads' names are as varied as real ones (all {@code Company N} would share a word and make
 *       every name a near match of thousands);</li>
 *   <li>{@code leads} leads, 20 per customer, contact {@code contact@<customer domain>}, partner by a power law (a few
 *       big partners, a long tail), 5 % a distributor's own, status new 25 %, contacted 20 %, qualified 15 %, proposal
 *       10 %, negotiation 5 %, won 12 %, lost 13 %, created over three years;</li>
 *   <li>{@code registrations} registrations of distinct open leads (a third APPROVED and protected for 60 days, the
 *       others SUBMITTED, EXPIRED or REJECTED), each with its customer's domain and SIREN.</li>
 * </ul>
 */
final class ConflictDataGenerator {

    static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ro", "su", "ta", "vi", "ber", "dan", "gor", "hel", "jor", "kel", "lin", "mar", "nor",
        "pel", "quo", "ran", "sel", "tor", "ul", "val", "wen", "xan", "yor", "zen", "bri", "cla"
    };
    static final String[] FORMS = {"SAS", "SARL", "GmbH", "Ltd", "Inc", "SA", "BV", "SpA", "LLC", "AG"};

    private ConflictDataGenerator() {}

    static void generate(Connection c, int leads, int registrations, PrintStream out) throws SQLException {
        int partners = Math.max(10, leads / 100);
        int distributors = Math.max(1, partners / 20);
        int customers = Math.max(1, leads / 20);
        long t0 = System.nanoTime();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            List<String> indexes = dropSecondaryIndexes(st);
            step(out, "secondary indexes of leads and registrations dropped (" + indexes.size() + ")", t0);

            st.execute("INSERT INTO partners (id, name, registration_number, email, is_active, created_at, updated_at) "
                    + "SELECT md5('p' || n)::uuid, 'Partner ' || n, 'REG-P-' || n, 'sales@partner' || n || '.example', true, "
                    + "now() - interval '4 years', now() FROM generate_series(1, " + partners + ") n");
            st.execute("INSERT INTO distributors (id, name, registration_number, is_active, created_at, updated_at) "
                    + "SELECT md5('d' || n)::uuid, 'Distributor ' || n, 'REG-D-' || n, true, now() - interval '4 years', now() "
                    + "FROM generate_series(1, " + distributors + ") n");
            st.execute("INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, partner_id) "
                    + "SELECT md5('up' || n)::uuid, 'bench', 'up' || n, 'user' || n || '@partner' || n || '.example', "
                    + "'up' || n, 'PARTNER', true, md5('p' || n)::uuid FROM generate_series(1, " + partners + ") n");
            st.execute(
                    "INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, distributor_id) "
                            + "SELECT md5('ud' || n)::uuid, 'bench', 'ud' || n, 'user' || n || '@distributor' || n || '.example', "
                            + "'ud' || n, 'DISTRIBUTOR', true, md5('d' || n)::uuid FROM generate_series(1, "
                            + distributors + ") n");
            step(out, String.format("%,d partners, %,d distributors and their users", partners, distributors), t0);

            st.execute("CREATE TEMP TABLE customers AS SELECT n, "
                    + "initcap(s[1 + (h1 % 30)] || s[1 + (h2 % 30)] || s[1 + (h3 % 30)]) || ' ' "
                    + "|| initcap(s[1 + (h4 % 30)] || s[1 + (h5 % 30)]) || ' ' || f[1 + (n % 10)] AS name, "
                    + "s[1 + (h1 % 30)] || s[1 + (h2 % 30)] || s[1 + (h3 % 30)] || '-' || n || '.example' AS domain, "
                    + "lpad((n * 7 + 100000000)::text, 9, '0') AS siren FROM (SELECT n, "
                    + hash(1) + " AS h1, " + hash(5) + " AS h2, " + hash(9) + " AS h3, " + hash(13) + " AS h4, "
                    + hash(17) + " AS h5 FROM generate_series(0, " + (customers - 1) + ") n) x, "
                    + "LATERAL (SELECT " + array(SYLLABLES) + " AS s, " + array(FORMS) + " AS f) a");
            st.execute("ALTER TABLE customers ADD PRIMARY KEY (n)");
            step(out, String.format("%,d customers", customers), t0);

            // the key triggers (V30, V48) would compute the keys once more: the distinct keys are added below
            st.execute("ALTER TABLE leads DISABLE TRIGGER leads_remember_org_key");
            st.execute("ALTER TABLE leads DISABLE TRIGGER leads_remember_inserted_org_keys");
            st.execute("ALTER TABLE registrations DISABLE TRIGGER registrations_remember_org_key");
            st.execute(
                    "INSERT INTO leads (id, provider_name, title, organization, contact_name, contact_email, value, currency, "
                            + "status, probability, expected_close_date, owner_id, partner_id, distributor_id, created_at, updated_at) "
                            + "SELECT gen_random_uuid(), 'tentabo', 'Deal ' || i, cu.name, 'Contact ' || i, 'contact@' || cu.domain, "
                            + "round((500 + random() * 99500)::numeric, 2), 'EUR', "
                            + "(CASE WHEN r.s < 0.25 THEN 'NEW' WHEN r.s < 0.45 THEN 'CONTACTED' WHEN r.s < 0.60 THEN 'QUALIFIED' "
                            + "WHEN r.s < 0.70 THEN 'PROPOSAL' WHEN r.s < 0.75 THEN 'NEGOTIATION' WHEN r.s < 0.87 THEN 'WON' "
                            + "ELSE 'LOST' END)::leadstatus, (random() * 100)::int, r.created + (random() * 365) * interval '1 day', "
                            + "CASE WHEN r.own THEN md5('ud' || r.d)::uuid ELSE md5('up' || r.p)::uuid END, "
                            + "CASE WHEN r.own THEN NULL ELSE md5('p' || r.p)::uuid END, "
                            + "CASE WHEN r.own THEN md5('d' || r.d)::uuid END, r.created, r.created "
                            + "FROM generate_series(0, " + (leads - 1) + ") i JOIN customers cu ON cu.n = i % "
                            + customers + ", "
                            + "LATERAL (SELECT random() AS s, random() < 0.05 AS own, "
                            + "1 + floor(" + partners + " * power(random(), 2))::int AS p, "
                            + "1 + floor(random() * " + distributors + ")::int AS d, "
                            + "now() - random() * interval '3 years' AS created, i AS dummy) r");
            step(out, String.format("%,d leads", leads), t0);

            st.execute("INSERT INTO registrations (id, lead_id, partner_id, distributor_id, status, organization, "
                    + "registration_number, domain, org_key, registration_key, domain_key, expected_value, currency, "
                    + "protection_ends_at, submitted_at, created_at, updated_at) "
                    + "SELECT gen_random_uuid(), l.id, l.partner_id, l.distributor_id, "
                    + "CASE WHEN r < 0.33 THEN 'APPROVED' WHEN r < 0.6 THEN 'SUBMITTED' WHEN r < 0.8 THEN 'EXPIRED' "
                    + "ELSE 'REJECTED' END, l.organization, cu.siren, cu.domain, prm_org_key(l.organization), "
                    + "'SIREN:' || cu.siren, prm_domain_key(cu.domain), l.value, 'EUR', "
                    + "CASE WHEN r < 0.33 THEN now() + interval '60 days' END, l.created_at, l.created_at, l.created_at "
                    + "FROM (SELECT l.*, random() AS r FROM leads l WHERE l.status NOT IN ('WON', 'LOST') LIMIT "
                    + registrations + ") l JOIN customers cu ON l.contact_email = 'contact@' || cu.domain");
            step(out, String.format("%,d registrations", registrations), t0);

            st.execute("INSERT INTO customer_org_keys (org_key) SELECT DISTINCT prm_org_key(name) FROM customers "
                    + "WHERE prm_org_key(name) <> '' ON CONFLICT DO NOTHING");
            st.execute("ALTER TABLE leads ENABLE TRIGGER leads_remember_org_key");
            st.execute("ALTER TABLE leads ENABLE TRIGGER leads_remember_inserted_org_keys");
            st.execute("ALTER TABLE registrations ENABLE TRIGGER registrations_remember_org_key");
            step(out, "distinct organisation keys", t0);

            for (String index : indexes) {
                st.execute(index);
            }
            step(out, "indexes built again", t0);
            st.execute("DROP TABLE customers");
            st.execute("VACUUM ANALYZE");
            step(out, "vacuum analyze; data generated", t0);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Drops every index of {@code leads} and {@code registrations} that neither backs a constraint nor is unique,
     * and returns their definitions, to be run again after the load.
     */
    private static List<String> dropSecondaryIndexes(Statement st) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) "
                + "FROM pg_index i WHERE i.indrelid IN ('leads'::regclass, 'registrations'::regclass) "
                + "AND NOT i.indisunique AND NOT i.indisprimary")) {
            while (rs.next()) {
                found.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<String> definitions = new ArrayList<>();
        for (String[] index : found) {
            st.execute("DROP INDEX " + index[0]);
            definitions.add(index[1]);
        }
        return definitions;
    }

    /** A number 0–65535 from four hex digits of md5(n), starting at {@code from}. */
    private static String hash(int from) {
        return "('x' || substr(md5(n::text), " + from + ", 4))::bit(16)::int";
    }

    private static String array(String[] words) {
        return "ARRAY["
                + String.join(",", Arrays.stream(words).map(x -> "'" + x + "'").toList()) + "]";
    }

    private static void step(PrintStream out, String what, long t0) {
        out.printf("%-70s %6.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
