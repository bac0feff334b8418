package com.tentabo.prm.benchmarks.registrations;

import com.tentabo.prm.adapters.persistence.registration.RegistrationMatchSql;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository.CustomerSearch;
import com.tentabo.prm.benchmarks.leads.LeadDataGenerator;
import com.tentabo.prm.domain.registration.CustomerKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Measures the conflict check of one deal registration submission (exactly the persistence adapter's statement,
 * {@link RegistrationMatchSql}, with near names by trigram similarity) against 1,000,000 leads and 100,000
 * registrations.
 *
 * <p>Data: the lead data set of {@link LeadDataGenerator}, whose organisation names ({@code Company N}) and e-mail
 * domains are then made as varied as real ones (two invented words and a legal form, 50,000 distinct customers, 20 leads
 * each, their own web domain), plus 100,000 registrations of a sample of those leads (a third APPROVED) with a SIREN.
 * Submissions: a third an existing customer with another case, accents and legal form (exact name match), a third a
 * misspelt existing customer (near match only), a third an unknown customer; each with the domain and, half of the
 * time, the registration number of the customer; from a random partner.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.registrations.ConflictCheckBenchmark [data-dir] [iterations]
 * </pre>
 */
public final class ConflictCheckBenchmark {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ro", "su", "ta", "vi", "ber", "dan", "gor", "hel",
            "jor", "kel", "lin", "mar", "nor", "pel", "quo", "ran", "sel", "tor", "ul", "val", "wen", "xan", "yor", "zen",
            "bri", "cla"};
    private static final String[] FORMS = {"SAS", "SARL", "GmbH", "Ltd", "Inc", "SA", "BV", "SpA", "LLC", "AG"};

    private ConflictCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path dir = Path.of(args.length > 0 ? args[0] : "target/registration-bench-pg");
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        BigDecimal threshold = new BigDecimal(System.getProperty("similarity", "0.6"));
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "256MB").setServerConfig("work_mem", "16MB").start();
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
            if (!LeadDataGenerator.alreadyGenerated(c)) {
                LeadDataGenerator.generate(c, out);
            }
            if (count(c, "SELECT count(*) FROM registrations") < 100_000) {
                generate(c, out);
            }
            out.printf("data: %,d leads (%,d distinct organisation keys), %,d registrations; pg_trgm %s%n",
                    count(c, "SELECT count(*) FROM leads"), count(c, "SELECT count(DISTINCT prm_org_key(organization)) FROM leads"),
                    count(c, "SELECT count(*) FROM registrations"),
                    count(c, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'") == 1 ? "installed" : "absent");
            List<CustomerSearch> submissions = submissions(c, threshold, 1000);
            c.setAutoCommit(false);
            int warmup = Math.max(200, iterations / 10);
            long[] samples = new long[iterations];
            long found = 0;
            for (int i = -warmup; i < iterations; i++) {
                CustomerSearch s = submissions.get(Math.floorMod(i, submissions.size()));
                long t0 = System.nanoTime();
                List<Match> matches = RegistrationMatchSql.run(c, s, true);
                long elapsed = System.nanoTime() - t0;
                c.commit();
                if (i >= 0) {
                    samples[i] = elapsed;
                    found += matches.size();
                }
            }
            Arrays.sort(samples);
            out.printf("conflict check  n=%d  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms  (avg %.1f matches)%n",
                    iterations, ms(samples, 0.50), ms(samples, 0.95), ms(samples, 0.99),
                    samples[samples.length - 1] / 1e6, found / (double) iterations);
            RegistrationMatchSql.Statement sample = RegistrationMatchSql.build(submissions.get(1), true);
            try (PreparedStatement set = c.prepareStatement(RegistrationMatchSql.THRESHOLD)) {
                set.setString(1, threshold.toPlainString());
                set.executeQuery().close();
            }
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sample.sql())) {
                for (int i = 0; i < sample.params().size(); i++) {
                    ps.setObject(i + 1, sample.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    out.println("plan of a near-match submission:");
                    while (rs.next()) {
                        out.println("  " + rs.getString(1));
                    }
                }
            }
            c.commit();
        } finally {
            pg.close();
        }
    }

    /** Varied customer names and domains for the leads, then 100,000 registrations. */
    private static void generate(Connection c, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        String syllables = "ARRAY[" + String.join(",", Arrays.stream(SYLLABLES).map(x -> "'" + x + "'").toList()) + "]";
        String forms = "ARRAY[" + String.join(",", Arrays.stream(FORMS).map(x -> "'" + x + "'").toList()) + "]";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE customers AS SELECT n, "
                    + "initcap(s[1 + (h1 % 30)] || s[1 + (h2 % 30)] || s[1 + (h3 % 30)]) || ' ' "
                    + "|| initcap(s[1 + (h4 % 30)] || s[1 + (h5 % 30)]) || ' ' || f[1 + (n % 10)] AS name, "
                    + "s[1 + (h1 % 30)] || s[1 + (h2 % 30)] || s[1 + (h3 % 30)] || '-' || n || '.example' AS domain, "
                    + "lpad((n * 7 + 100000000)::text, 9, '0') AS siren FROM (SELECT n, "
                    + "('x' || substr(md5(n::text), 1, 4))::bit(16)::int AS h1, ('x' || substr(md5(n::text), 5, 4))::bit(16)::int AS h2, "
                    + "('x' || substr(md5(n::text), 9, 4))::bit(16)::int AS h3, ('x' || substr(md5(n::text), 13, 4))::bit(16)::int AS h4, "
                    + "('x' || substr(md5(n::text), 17, 4))::bit(16)::int AS h5 FROM generate_series(0, 49999) n) x, "
                    + "LATERAL (SELECT " + syllables + " AS s, " + forms + " AS f) a");
            st.execute("CREATE UNIQUE INDEX ON customers (n)");
            st.execute("UPDATE leads l SET organization = cu.name, contact_email = 'contact@' || cu.domain FROM customers cu "
                    + "WHERE cu.n = substring(l.organization FROM 'Company ([0-9]+)')::int");
            out.printf("lead customers varied in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
            st.execute("INSERT INTO registrations (id, lead_id, partner_id, distributor_id, status, organization, "
                    + "registration_number, domain, org_key, registration_key, domain_key, expected_value, currency, "
                    + "protection_ends_at, submitted_at, created_at, updated_at) "
                    + "SELECT gen_random_uuid(), l.id, l.partner_id, l.distributor_id, "
                    + "CASE WHEN r < 0.33 THEN 'APPROVED' WHEN r < 0.6 THEN 'SUBMITTED' WHEN r < 0.8 THEN 'EXPIRED' ELSE 'REJECTED' END, "
                    + "l.organization, cu.siren, cu.domain, prm_org_key(l.organization), 'SIREN:' || cu.siren, "
                    + "prm_domain_key(cu.domain), l.value, 'EUR', CASE WHEN r < 0.33 THEN now() + interval '60 days' END, "
                    + "l.created_at, l.created_at, l.created_at FROM (SELECT l.*, random() AS r FROM leads l "
                    + "WHERE l.status NOT IN ('WON', 'LOST') ORDER BY l.id LIMIT 100000) l "
                    + "JOIN customers cu ON l.contact_email = 'contact@' || cu.domain");
            st.execute("VACUUM ANALYZE");
        }
        out.printf("registrations generated; total %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static List<CustomerSearch> submissions(Connection c, BigDecimal threshold, int n) throws Exception {
        List<String[]> customers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.organization, l.contact_email, "
                + "(SELECT max(registration_key) FROM registrations r WHERE r.domain_key = prm_domain_key(l.contact_email)) "
                + "FROM leads l WHERE l.partner_id IS NOT NULL ORDER BY md5(l.id::text) LIMIT ?")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    customers.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        Random random = new Random(42);
        List<CustomerSearch> searches = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            String[] customer = customers.get(i);
            String name = customer[0];
            String domain = customer[1];
            switch (i % 3) {
                case 0 -> name = name.toUpperCase(java.util.Locale.ROOT).replace("A", "Ä").replaceAll(" [A-Za-z]+$", " S.A.R.L.");
                case 1 -> name = name.substring(0, name.length() / 2) + name.substring(name.length() / 2 + 1);
                default -> {
                    name = "Unknown " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + " Ltd";
                    domain = "info@nobody-" + i + ".example";
                }
            }
            String siren = i % 2 == 0 && i % 3 != 2 ? customer[2] : null;
            UUID partner = new UUID(random.nextLong(), random.nextLong());
            searches.add(new CustomerSearch(CustomerKeys.organization(name), siren, CustomerKeys.domain(domain), partner,
                    null, threshold));
        }
        return searches;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
