package com.tentabo.prm.benchmarks.registrations;

import com.tentabo.prm.adapters.persistence.registration.RegistrationMatchSql;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository.CustomerSearch;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.registration.CustomerKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Measures the conflict check of one deal registration submission (exactly the persistence adapter's statement,
 * {@link RegistrationMatchSql}, with near names by trigram similarity) against 1,000,000 leads and 100,000
 * registrations (or the sizes given).
 *
 * <p>Data: {@link ConflictDataGenerator}, set-based SQL (seconds to a minute for the full size on an idle machine).
 * Submissions: a third an existing customer with another case, accents and legal form (exact name match), a third a
 * misspelt existing customer (near match only), a third an unknown customer; each with the domain and, half of the
 * time, the registration number of the customer; from a random partner.
 *
 * <pre>
 * java -Dleads=1000000 -Dregistrations=100000 -cp benchmarks/target/benchmarks.jar \
 *     com.tentabo.prm.benchmarks.registrations.ConflictCheckBenchmark [data-dir] [iterations]
 * </pre>
 * The data directory is kept: a later run with the same sizes only measures; a directory holding other sizes is refused.
 */
public final class ConflictCheckBenchmark {

    private ConflictCheckBenchmark() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        int leads = Integer.getInteger("leads", 1_000_000);
        int registrations = Integer.getInteger("registrations", 100_000);
        if (leads < 100 || registrations < 1 || registrations > leads / 2) {
            throw new IllegalArgumentException(
                    "-Dleads must be at least 100 and -Dregistrations between 1 and leads / 2");
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "target/registration-bench-pg-" + leads + "-" + registrations);
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        BigDecimal threshold = new BigDecimal(System.getProperty("similarity", "0.6"));
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .start();
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            Flyway.configure()
                    .dataSource(url, "postgres", "postgres")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            long haveLeads = count(c, "SELECT count(*) FROM leads");
            long haveRegistrations = count(c, "SELECT count(*) FROM registrations");
            if (haveLeads == 0) {
                ConflictDataGenerator.generate(c, leads, registrations, out);
            } else if (haveLeads != leads || haveRegistrations != registrations) {
                throw new IllegalStateException(dir + " holds " + haveLeads + " leads and " + haveRegistrations
                        + " registrations, not the sizes asked for: name another data directory");
            }
            out.printf(
                    "data: %,d leads (%,d distinct organisation keys), %,d registrations; pg_trgm %s%n",
                    count(c, "SELECT count(*) FROM leads"),
                    count(c, "SELECT count(DISTINCT prm_org_key(organization)) FROM leads"),
                    count(c, "SELECT count(*) FROM registrations"),
                    count(c, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'") == 1
                            ? "installed"
                            : "absent");
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
            out.printf(
                    "conflict check  n=%d  p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms  (avg %.1f matches)%n",
                    iterations,
                    ms(samples, 0.50),
                    ms(samples, 0.95),
                    ms(samples, 0.99),
                    samples[samples.length - 1] / 1e6,
                    found / (double) iterations);
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
                case 0 ->
                    name = name.toUpperCase(java.util.Locale.ROOT)
                            .replace("A", "Ä")
                            .replaceAll(" [A-Za-z]+$", " S.A.R.L.");
                case 1 -> name = name.substring(0, name.length() / 2) + name.substring(name.length() / 2 + 1);
                default -> {
                    name = "Unknown " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + " Ltd";
                    domain = "info@nobody-" + i + ".example";
                }
            }
            String siren = i % 2 == 0 && i % 3 != 2 ? customer[2] : null;
            PartnerId partner = new PartnerId(new UUID(random.nextLong(), random.nextLong()));
            searches.add(new CustomerSearch(
                    CustomerKeys.organization(name), siren, CustomerKeys.domain(domain), partner, null, threshold));
        }
        return searches;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
