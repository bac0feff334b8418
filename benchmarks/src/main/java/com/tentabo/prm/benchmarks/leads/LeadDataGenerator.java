package com.tentabo.prm.benchmarks.leads;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills a migrated database with 10,000 partners, 500 distributors and 1,000,000 leads, server-side
 * ({@code INSERT … SELECT} over {@code generate_series}, in chunks), with these distributions:
 * <ul>
 *   <li>one enabled user per partner and per distributor (lead owners);</li>
 *   <li>assignments: distributor 1 has exactly 200 active partners (the measured one); the others 10–99 partners
 *       each, about 10 % of all assignments inactive; a partner may belong to several distributors;</li>
 *   <li>leads per partner follow a power law (partner rank r gets ∝ 1/√r leads: a few big partners, a long tail);
 *       5 % of leads belong to a distributor only (no partner), 30 % of partner leads also carry a distributor;</li>
 *   <li>status: new 25 %, contacted 20 %, qualified 15 %, proposal 10 %, negotiation 5 %, won 12 %, lost 13 %;</li>
 *   <li>created_at uniform over three years; value 500–100,000 EUR; expected close within a year of creation.</li>
 * </ul>
 */
public final class LeadDataGenerator {

    public static final int PARTNERS = 10_000;
    public static final int DISTRIBUTORS = 500;
    public static final int LEADS = 1_000_000;
    private static final int CHUNK = 100_000;

    private LeadDataGenerator() {}

    public static boolean alreadyGenerated(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM leads")) {
            rs.next();
            return rs.getLong(1) >= LEADS;
        }
    }

    public static void generate(Connection c, java.io.PrintStream log) throws SQLException {
        generate(c, log, LEADS);
    }

    /** The same data set with {@code leads} leads (a smoke run of a driver); companies, users and assignments unchanged. */
    public static void generate(Connection c, java.io.PrintStream log, int leads) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            long t0 = System.nanoTime();
            // deterministic ids: partner n = md5('p' || n)::uuid, distributor n = md5('d' || n)::uuid
            st.execute(
                    "INSERT INTO partners (id, name, registration_number, email, city, country, is_active, created_at, updated_at) "
                            + "SELECT md5('p' || n)::uuid, 'Partner ' || n, 'REG-P-' || n, 'sales@partner' || n || '.example', "
                            + "(ARRAY['Paris','Lyon','Berlin','Madrid','Milan','Lisbon','Brussels','Vienna'])[1 + n % 8], 'EU', n % 50 <> 0, "
                            + "now() - interval '4 years', now() FROM generate_series(1, " + PARTNERS + ") n");
            st.execute("INSERT INTO distributors (id, name, registration_number, is_active, created_at, updated_at) "
                    + "SELECT md5('d' || n)::uuid, 'Distributor ' || n, 'REG-D-' || n, true, now() - interval '4 years', now() "
                    + "FROM generate_series(1, " + DISTRIBUTORS + ") n");
            st.execute("INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, partner_id) "
                    + "SELECT md5('up' || n)::uuid, 'bench', 'up' || n, 'user' || n || '@partner' || n || '.example', 'up' || n, "
                    + "'PARTNER', true, md5('p' || n)::uuid FROM generate_series(1, " + PARTNERS + ") n");
            st.execute(
                    "INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, distributor_id) "
                            + "SELECT md5('ud' || n)::uuid, 'bench', 'ud' || n, 'user' || n || '@distributor' || n || '.example', 'ud' || n, "
                            + "'DISTRIBUTOR', true, md5('d' || n)::uuid FROM generate_series(1, " + DISTRIBUTORS
                            + ") n");
            // distributor 1: partners 1, 51, 101, … (200 of them, spread over big and small partners), all active
            st.execute("INSERT INTO distributor_partners (distributor_id, partner_id, is_active, assigned_at) "
                    + "SELECT md5('d1')::uuid, md5('p' || (1 + k * 50))::uuid, true, now() - interval '3 years' "
                    + "FROM generate_series(0, 199) k");
            st.execute("INSERT INTO distributor_partners (distributor_id, partner_id, is_active, assigned_at) "
                    + "SELECT DISTINCT ON (d, p) md5('d' || d)::uuid, md5('p' || p)::uuid, random() > 0.1, now() - interval '2 years' "
                    + "FROM (SELECT d, 1 + ((d * 7919 + k * 104729) % " + PARTNERS + ") AS p FROM generate_series(2, "
                    + DISTRIBUTORS
                    + ") d, LATERAL generate_series(1, 10 + (d * 37) % 90) k) x");
            log.printf("companies, users and assignments in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            for (int from = 1; from <= leads; from += CHUNK) {
                long t1 = System.nanoTime();
                int to = Math.min(leads, from + CHUNK - 1);
                st.execute(
                        "INSERT INTO leads (id, provider_name, title, organization, contact_name, contact_email, value, currency, "
                                + "status, probability, expected_close_date, owner_id, partner_id, distributor_id, created_at, updated_at) "
                                + "SELECT gen_random_uuid(), CASE WHEN r.kind < 0.8 THEN 'tentabo' ELSE 'hubspot' END, "
                                + "'Deal ' || i || ' ' || (ARRAY['firewall','backup','licences','support','cloud','network'])[1 + i % 6], "
                                + "'Company ' || (i % 50000), 'Contact ' || i, 'contact' || i || '@company' || (i % 50000) || '.example', "
                                + "round((500 + random() * 99500)::numeric, 2), 'EUR', "
                                + "(CASE WHEN r.s < 0.25 THEN 'NEW' WHEN r.s < 0.45 THEN 'CONTACTED' WHEN r.s < 0.60 THEN 'QUALIFIED' "
                                + "WHEN r.s < 0.70 THEN 'PROPOSAL' WHEN r.s < 0.75 THEN 'NEGOTIATION' WHEN r.s < 0.87 THEN 'WON' ELSE 'LOST' END)::leadstatus, "
                                + "(random() * 100)::int, r.created + (random() * 365) * interval '1 day', "
                                + "CASE WHEN r.own THEN md5('ud' || r.d)::uuid ELSE md5('up' || r.p)::uuid END, "
                                + "CASE WHEN r.own THEN NULL ELSE md5('p' || r.p)::uuid END, "
                                + "CASE WHEN r.own OR r.withd THEN md5('d' || r.d)::uuid END, r.created, r.created "
                                + "FROM generate_series(" + from + ", " + to
                                + ") i, LATERAL (SELECT random() AS s, random() AS kind, "
                                + "random() < 0.05 AS own, random() < 0.30 AS withd, "
                                + "1 + floor(" + PARTNERS + " * power(random(), 2))::int AS p, 1 + floor(random() * "
                                + DISTRIBUTORS + ")::int AS d, "
                                + "now() - random() * interval '3 years' AS created, i AS dummy) r");
                log.printf("leads %,d–%,d in %d ms%n", from, to, (System.nanoTime() - t1) / 1_000_000);
            }
            long t2 = System.nanoTime();
            st.execute("VACUUM ANALYZE");
            log.printf(
                    "vacuum analyze in %d ms; total %d s%n",
                    (System.nanoTime() - t2) / 1_000_000, (System.nanoTime() - t0) / 1_000_000_000);
        }
    }
}
