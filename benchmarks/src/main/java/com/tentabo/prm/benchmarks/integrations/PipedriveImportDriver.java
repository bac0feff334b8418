package com.tentabo.prm.benchmarks.integrations;

import com.tentabo.prm.benchmarks.orders.CpuUsage;
import com.tentabo.prm.benchmarks.service.StatementStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first full import of a Pipedrive account into the PRM, and a second sync that finds nothing changed.
 *
 * <pre>
 * ./mvnw -B -q -o package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.integrations.PipedriveImportDriver [leads] [timeout seconds]
 * </pre>
 * It starts an embedded PostgreSQL 13.22, a Pipedrive account of {@code leads} generated leads (default 100,000) with
 * their organizations and persons ({@link PipedriveStub}, offset pages on the loopback interface) and the packaged
 * service, creates the {@code pipedrive} CRM provider pointed at the stub, and calls {@code POST
 * /api/v1/providers/{id}/sync} as the admin: the real path, the provider's first full import, reading the leads by
 * pages of 500 with their organizations and persons 100 ids a call and writing each page in one transaction (the
 * webhook worker runs too, every second, batches of {@code -Dprm.bench.batch-size}, default 100: it would take the
 * leads the PRM's rules refuse). Every second it prints the leads inserted so far (from PostgreSQL's statistics, not a
 * count: counting the growing table every second took a tenth of the database's time), the service's resident memory
 * and the load average, until the sync answers or the timeout passes; then the rate, the CPU time per lead of the
 * service and of this PostgreSQL (its postmaster and children only: the machine may be shared; also by kind of
 * process), the host's speed, and the highest RSS of the first and of the second half of the run. With
 * {@code -Dprm.bench.pg-stats=true}, PostgreSQL's account of the run's statements ({@code pg_stat_statements}).
 *
 * <p>Then, once the dashboard's fold job has moved the summary rows of run 1, a second sync: the rows inserted,
 * updated and deleted in every table during it (from {@code pg_stat_user_tables}, read after the statistics collector
 * caught up) are printed table by table; the only expected row is the run's own record in {@code provider_sync_logs}.
 */
public final class PipedriveImportDriver {

    private static final int PORT = 18082;

    private PipedriveImportDriver() {}

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int timeout = args.length > 1 ? Integer.parseInt(args[1]) : 1800;
        Path work = Files.createTempDirectory("prm-import-bench");
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg").toFile())
                .setCleanDataDirectory(true);
        if (StatementStats.ASKED) {
            StatementStats.loadedInto(server);
        }
        try (EmbeddedPostgres pg = server.start();
                PipedriveStub pipedrive = new PipedriveStub(leads);
                ServiceProcess service = ServiceProcess.start(
                        pg.getJdbcUrl("postgres", "postgres"),
                        PORT,
                        work,
                        "-Xmx1g",
                        Map.of(
                                "PRM_WEBHOOKS_INTERVAL",
                                "1s",
                                "PRM_OUTBOX_BATCH_SIZE",
                                System.getProperty("prm.bench.batch-size", "100")))) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            System.out.printf(
                    "service ready (pid %d), Pipedrive stub at %s with %d leads, load average %s%n",
                    service.pid(), pipedrive.baseUrl(), leads, ServiceProcess.loadAverage());
            String provider = service.createProvider(
                    "CRM",
                    "pipedrive",
                    "{\"base_url\": \"" + pipedrive.baseUrl() + "\", \"development\": true, \"lead_owner_user_id\": \""
                            + service.leadOwner() + "\"}",
                    "{\"api_token\": \"bench-token\"}");

            System.out.println(com.tentabo.prm.benchmarks.service.HostSpeed.line());
            long postmaster =
                    Long.parseLong(Files.readAllLines(work.resolve("pg").resolve("postmaster.pid"))
                            .get(0)
                            .strip());
            if (StatementStats.ASKED) {
                StatementStats.reset(url);
            }
            CpuUsage cpu = CpuUsage.start(service.pid(), postmaster);
            Instant started = Instant.now();
            Thread sync = new Thread(() -> {
                try {
                    String run = service.postAsAdmin("/api/v1/providers/" + provider + "/sync", "{}", 200);
                    System.out.printf(
                            "sync 1 answered after %.1f s: status %s, %s leads imported%n",
                            Duration.between(started, Instant.now()).toMillis() / 1000.0,
                            ServiceProcess.field(run, "status"),
                            ServiceProcess.field(run, "records_synced"));
                } catch (Exception e) {
                    System.out.println("sync 1 failed: " + e.getMessage());
                }
            });
            sync.start();
            List<long[]> samples = new ArrayList<>();
            Instant deadline = started.plusSeconds(timeout);
            // Progress from the statistics PostgreSQL keeps anyway: counting the leads every second would cost the
            // database a scan of the growing table each time, CPU the import would not get.
            try (Connection progress = DriverManager.getConnection(url, "postgres", "postgres");
                    PreparedStatement inserted = progress.prepareStatement(
                            "SELECT n_tup_ins FROM pg_stat_user_tables WHERE relname = 'leads'")) {
                long leadsBefore = firstLong(inserted);
                while (sync.isAlive() && Instant.now().isBefore(deadline)) {
                    sync.join(1000);
                    progress.setAutoCommit(false); // a new transaction sees the collector's newest figures
                    long insertedSoFar = firstLong(inserted) - leadsBefore;
                    progress.commit();
                    long rss = service.rssKib();
                    long elapsed = Duration.between(started, Instant.now()).toMillis();
                    samples.add(new long[] {elapsed, insertedSoFar, rss});
                    System.out.printf(
                            "%7.1f s  imported %7d  service RSS %7.1f MiB  load %s%n",
                            elapsed / 1000.0, insertedSoFar, rss / 1024.0, ServiceProcess.loadAverage());
                }
            }
            sync.join(Duration.ofMinutes(5).toMillis());
            Instant ended = Instant.now();
            long imported = service.count("SELECT count(*) FROM leads WHERE provider_name = 'pipedrive'");
            String cpuReport = cpu.report(imported, "lead");
            String postgresByKind = cpu.postgresByKind(imported, "lead");
            double seconds = Duration.between(started, ended).toMillis() / 1000.0;
            int half = samples.size() / 2;
            long firstHalf = samples.subList(0, Math.max(half, 1)).stream()
                    .mapToLong(s -> s[2])
                    .max()
                    .orElse(0);
            long secondHalf = samples.subList(half, samples.size()).stream()
                    .mapToLong(s -> s[2])
                    .max()
                    .orElse(0);
            System.out.printf(
                    "%nRUN 1: %d of %d leads imported in %.1f s (%.0f leads/s); calls to the stub: %d lead "
                            + "pages, %d organization lists, %d person lists, %d leads, %d organizations, %d persons, "
                            + "%d activity lists, %d note lists, %d field lists%n",
                    imported,
                    leads,
                    seconds,
                    imported / seconds,
                    pipedrive.calls("leads.list"),
                    pipedrive.calls("organizations.list"),
                    pipedrive.calls("persons.list"),
                    pipedrive.calls("lead"),
                    pipedrive.calls("organization"),
                    pipedrive.calls("person"),
                    pipedrive.calls("activities"),
                    pipedrive.calls("notes"),
                    pipedrive.calls("dealFields"));
            System.out.println("CPU during run 1: " + cpuReport);
            System.out.println(postgresByKind);
            if (StatementStats.ASKED) {
                StatementStats.print(url, "run 1", imported, "lead");
            }
            System.out.println(com.tentabo.prm.benchmarks.service.HostSpeed.line());
            System.out.printf(
                    "service RSS: highest in the first half %.1f MiB, in the second half %.1f MiB; load "
                            + "average at the end %s%n",
                    firstHalf / 1024.0, secondHalf / 1024.0, ServiceProcess.loadAverage());
            System.out.printf(
                    "imported rows: %d leads with an organization, %d with a contact e-mail, %d events failed%n",
                    service.count(
                            "SELECT count(*) FROM leads WHERE provider_name = 'pipedrive' AND organization LIKE 'Organization %'"),
                    service.count(
                            "SELECT count(*) FROM leads WHERE provider_name = 'pipedrive' AND contact_email LIKE 'person%'"),
                    service.count("SELECT count(*) FROM webhook_events WHERE status = 'failed'"));

            // the dashboard's fold job (every 5 s) still moves the summary rows of the last leads of run 1
            for (int i = 0; i < 60 && service.count("SELECT count(*) FROM dashboard_deltas") > 0; i++) {
                Thread.sleep(1000);
            }
            Map<String, Long> before = writes(url);
            long listed = pipedrive.calls("leads.list");
            Instant second = Instant.now();
            String run = service.postAsAdmin("/api/v1/providers/" + provider + "/sync", "{}", 200);
            Thread.sleep(3000); // two passes of the webhook worker, had anything been queued
            Map<String, Long> after = writes(url);
            System.out.printf(
                    "%nRUN 2: sync answered in %.1f s: %s %s, %s leads queued, %d lead pages listed%n",
                    Duration.between(second, Instant.now()).toMillis() / 1000.0 - 3,
                    ServiceProcess.field(run, "sync_type"),
                    ServiceProcess.field(run, "status"),
                    ServiceProcess.field(run, "records_synced"),
                    pipedrive.calls("leads.list") - listed);
            long total = 0;
            for (Map.Entry<String, Long> table : after.entrySet()) {
                long delta = table.getValue() - before.getOrDefault(table.getKey(), 0L);
                if (delta != 0) {
                    System.out.printf("  rows written in %s: %d%n", table.getKey(), delta);
                    total += table.getKey().equals("provider_sync_logs") ? 0 : delta;
                }
            }
            System.out.printf(
                    "RUN 2: rows inserted, updated or deleted outside the run's own sync log row: %d%n", total);
        }
    }

    /** Rows inserted + updated + deleted so far per table, once the statistics collector has caught up. */
    private static Map<String, Long> writes(String url) throws SQLException, InterruptedException {
        Map<String, Long> previous = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            Map<String, Long> now = new TreeMap<>();
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del " + "FROM pg_stat_user_tables");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    now.put(rs.getString(1), rs.getLong(2));
                }
            }
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
            Thread.sleep(700); // the collector sends its counts every 500 ms
        }
        return previous;
    }

    private static long firstLong(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
