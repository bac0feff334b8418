package com.tentabo.prm.benchmarks.orders;

import com.tentabo.prm.benchmarks.service.ServiceLauncher;
import com.tentabo.prm.benchmarks.service.StatementStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures {@code POST /api/v1/orders} (3 items) with N concurrent clients against a local PostgreSQL 13.22, next to a
 * plain JDBC program inserting the same rows (order, 3 items, audit row) in one transaction per order, in one run.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.orders.OrderLoadDriver [clients] [seconds] [warm-up seconds]
 * </pre>
 * It starts an embedded PostgreSQL, the packaged service ({@code bootstrap/target/quarkus-app/quarkus-run.jar}) on
 * port 18080 against it, prepares a product with tiers and durations, then runs each load for the given time
 * after a warm-up. Every request loop is bounded in time and the driver stops everything it started.
 */
public final class OrderLoadDriver {

    private static final String ADMIN_PASSWORD = ServiceLauncher.Running.ADMIN_PASSWORD;
    private static final int PORT = 18080;

    private OrderLoadDriver() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        ServiceLauncher.requirePackaged();
        Path work = Files.createTempDirectory("prm-order-bench");
        boolean statementStats = StatementStats.ASKED;
        EmbeddedPostgres.Builder pgBuilder = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg").toFile())
                .setCleanDataDirectory(true);
        if (statementStats) {
            StatementStats.loadedInto(pgBuilder);
        }
        for (String setting : System.getProperty("prm.bench.pg-settings", "").split(",")) {
            if (setting.contains(
                    "=")) { // e.g. -Dprm.bench.pg-settings=log_checkpoints=on,checkpoint_completion_target=0.9
                pgBuilder.setServerConfig(
                        setting.substring(0, setting.indexOf('=')).trim(),
                        setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        try (EmbeddedPostgres pg = pgBuilder.start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            long launched = System.nanoTime();
            try (ServiceLauncher.Running app = startService(url, work)) {
                System.out.printf(
                        "service start to ready: %.2f s (first start: the schema migrated on an empty database)%n",
                        (System.nanoTime() - launched) / 1e9);
                System.out.println(com.tentabo.prm.benchmarks.service.HostSpeed.line());
                Fixture fixture = Fixture.create(url);
                String token = login();
                report("warm-up API", runApi(clients, warmUp, token, fixture));
                Template template = Template.copyOf(url);
                report("warm-up JDBC", runJdbc(clients, Math.min(warmUp, 10), url, fixture, template));
                int rounds = Integer.getInteger("prm.bench.rounds", 3);
                List<Double> ratios = new ArrayList<>();
                List<Double> jdbcRates = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    // API and JDBC alternate, so that both see the same machine and a database of the same size
                    if (statementStats && round == 1) {
                        StatementStats.reset(url);
                    }
                    CpuUsage apiCpu = CpuUsage.start(app.pid());
                    ResidentMemory rss = ResidentMemory.watch(app.pid());
                    Result api = runApi(clients, seconds, token, fixture);
                    String apiCpuReport =
                            apiCpu.report(api.count()) + String.format(", service RSS at most %.0f MiB", rss.stop());
                    if (statementStats && round == 1) {
                        StatementStats.print(url, "the API run", api.count(), "order");
                    }
                    CpuUsage jdbcCpu = CpuUsage.start(app.pid());
                    Result jdbc = runJdbc(clients, seconds, url, fixture, template);
                    String jdbcCpuReport = jdbcCpu.report(jdbc.count());
                    System.out.println("round " + round + ":");
                    report("POST /api/v1/orders", api);
                    report("plain JDBC", jdbc);
                    System.out.println("  CPU during the API run:  " + apiCpuReport);
                    System.out.println("  CPU during the JDBC run: " + jdbcCpuReport);
                    double ratio = 100.0 * api.perSecond() / jdbc.perSecond();
                    System.out.printf("  ratio API/JDBC: %.1f %%%n", ratio);
                    ratios.add(ratio);
                    jdbcRates.add(jdbc.perSecond());
                }
                double half = 0;
                if (rounds > 0) {
                    System.out.printf(
                            "median ratio API/JDBC over %d rounds: %.1f %% (all: %s)%n",
                            rounds,
                            median(ratios),
                            ratios.stream()
                                    .map(r -> String.format(java.util.Locale.ROOT, "%.1f", r))
                                    .toList());
                    half = Math.floor(median(jdbcRates) / 2);
                }
                for (String offered :
                        System.getProperty("prm.bench.paced-rates", "half").split(",")) {
                    // "half": half the median JDBC rate of the rounds, the rate the target's 50 % stands for
                    double rate = offered.trim().equals("half") ? half : Double.parseDouble(offered.trim());
                    if (rate > 0) {
                        report(
                                String.format(java.util.Locale.ROOT, "paced at %.0f/s", rate),
                                runPacedApi(clients, seconds, rate, token, fixture));
                    }
                }
            }
            System.out.println(com.tentabo.prm.benchmarks.service.HostSpeed.line());
            // start to ready again, on the migrated database, as a restarted or added instance starts
            long restarted = System.nanoTime();
            try (ServiceLauncher.Running again = startService(url, work)) {
                System.out.printf(
                        "service restart to ready: %.2f s (schema up to date)%n",
                        (System.nanoTime() - restarted) / 1e9);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    record Result(int count, int errors, double seconds, long[] latenciesMicros) {
        double perSecond() {
            return count / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(index, latenciesMicros.length - 1))];
        }
    }

    /** The first failure of a run, printed with its report so that an error count is never a mystery. */
    private static final AtomicReference<String> FIRST_ERROR = new AtomicReference<>();

    private static void report(String name, Result r) {
        String error = FIRST_ERROR.getAndSet(null);
        if (error != null) {
            System.out.println(name + ": first error: " + error);
        }
        System.out.printf(
                "%-22s %7d orders in %5.1f s = %8.1f orders/s, errors %d, latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n",
                name,
                r.count(),
                r.seconds(),
                r.perSecond(),
                r.errors(),
                r.percentile(50) / 1000.0,
                r.percentile(95) / 1000.0,
                r.percentile(99) / 1000.0,
                r.percentile(100) / 1000.0);
    }

    private static ServiceLauncher.Running startService(String url, Path work)
            throws IOException, InterruptedException {
        ServiceLauncher service = ServiceLauncher.service(url, PORT)
                .optionsFrom("prm.bench.jvm-args")
                .fromAppDirectory()
                .files(work.resolve("data"), work.resolve("service.log"));
        String pool = System.getProperty("prm.bench.pool"); // the service's own default otherwise
        if (pool != null) {
            service.env("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", pool);
        }
        return service
                // e.g. -Dprm.bench.env=MALLOC_ARENA_MAX=2: the environment a deployment gives the service
                .envFrom("prm.bench.env")
                // the measured work is POST /api/v1/orders: the background workers would otherwise deliver the outbox
                // rows the plain JDBC rounds insert (for orders never sent) in the middle of the API rounds
                .env("PRM_OUTBOX_INTERVAL", "off")
                .env("PRM_WEBHOOKS_INTERVAL", "off")
                // one admin account places every order: a quota it never reaches, so that the buckets are still taken
                // (and their cost measured) but never refuse
                .env("PRM_RATE_LIMIT_CALLER_QUOTA", "1000000000")
                .ready(Duration.ofSeconds(90), "the service did not become ready within 90 s", Duration.ofMillis(50))
                .start();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(
                    HttpClient.Version
                            .HTTP_1_1) // one connection per client, as behind a load balancer (HTTP/2 would multiplex
            // all 32 on one)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static String login() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /** A partner, a GRADUATED product with 3 tiers and three durations; admin's linked user for JDBC authorship. */
    record Fixture(UUID partner, UUID product, UUID[] durations, UUID author) {
        static Fixture create(String url) throws SQLException {
            UUID partner = UUID.randomUUID();
            UUID product = UUID.randomUUID();
            UUID author = UUID.randomUUID();
            UUID[] durations = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement st = c.createStatement()) {
                st.execute(
                        "INSERT INTO partners (id, name, is_active) VALUES ('" + partner + "', 'Bench partner', true)");
                st.execute("INSERT INTO products (id, name, type, unit, is_active, pricing_mode) VALUES ('" + product
                        + "', 'Bench storage', 'service', 'TB', 'true', 'GRADUATED')");
                st.execute(
                        "INSERT INTO price_tiers (product_id, min_quantity, max_quantity, price_per_unit, period) VALUES "
                                + "('" + product + "', 1, 10, 20.0000, 'month'), ('" + product
                                + "', 11, 50, 15.0000, 'month'), "
                                + "('" + product + "', 51, NULL, 12.5000, 'month')");
                st.execute("INSERT INTO durations (id, months, discount_percentage, name) VALUES ('" + durations[0]
                        + "', 12, 10.00, '1 year'), ('" + durations[1] + "', 24, 15.00, '2 years'), ('" + durations[2]
                        + "', 36, 20.00, '3 years')");
                st.execute("INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES ('" + author
                        + "', 'bench', 'bench', 'bench@example.test', 'ADMIN', true)");
            }
            return new Fixture(partner, product, durations, author);
        }

        String body(int i) {
            return "{\"partner_id\":\"" + partner + "\",\"items\":["
                    + "{\"product_id\":\"" + product + "\",\"duration_id\":\"" + durations[0] + "\",\"quantity\":"
                    + (5 + i % 60) + "},"
                    + "{\"product_id\":\"" + product + "\",\"duration_id\":\"" + durations[1] + "\",\"quantity\":"
                    + (11 + i % 40) + "},"
                    + "{\"product_id\":\"" + product + "\",\"duration_id\":\"" + durations[2] + "\",\"quantity\":"
                    + (51 + i % 20) + "}]}";
        }
    }

    interface Task {
        boolean run(int i) throws Exception;
    }

    private static Result runApi(int clients, int seconds, String token, Fixture fixture) throws InterruptedException {
        return runApi(clients, seconds, 0, token, fixture);
    }

    /**
     * The API at a fixed offered rate instead of as fast as it answers: request k of client c is due at
     * {@code start + (k * clients + c) / rate}; a client that is late sends at once, and latency runs from the due time,
     * so that queueing behind a slow answer counts (no coordinated omission). This is the latency a client sees when
     * the service is offered the given load.
     */
    private static Result runPacedApi(int clients, int seconds, double rate, String token, Fixture fixture)
            throws InterruptedException {
        return runApi(clients, seconds, rate, token, fixture);
    }

    private static Result runApi(int clients, int seconds, double rate, String token, Fixture fixture)
            throws InterruptedException {
        String authorization = "Bearer " + token;
        return load(clients, seconds, rate, () -> {
            PlainHttpClient client = new PlainHttpClient("127.0.0.1", PORT);
            return i -> {
                PlainHttpClient.Response r = client.post("/api/v1/orders", authorization, fixture.body(i));
                if (r.status() != 201) {
                    FIRST_ERROR.compareAndSet(null, r.status() + " " + r.body());
                }
                return r.status() == 201;
            };
        });
    }

    /**
     * The values of an order the API wrote during the warm-up (totals, the three items with their band breakdown, the
     * audit row's changes), so that plain JDBC inserts the very same rows: same sizes, same JSON, same index entries.
     */
    record Template(Object[] order, List<Object[]> items, Object[] audit) {
        static Template copyOf(String url) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                Object[] order = new Object[6];
                UUID id;
                try (Statement st = c.createStatement();
                        var rs = st.executeQuery(
                                "SELECT id, subtotal, discount_amount, "
                                        + "tax_amount, total_amount, tax_rate, currency FROM orders ORDER BY created_at LIMIT 1")) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the API warm-up created no order");
                    }
                    id = rs.getObject(1, UUID.class);
                    for (int k = 0; k < 6; k++) {
                        order[k] = rs.getObject(k + 2);
                    }
                }
                List<Object[]> items = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("SELECT product_id, duration_id, quantity, unit_price, "
                        + "discount_percentage, subtotal, discount_amount, total, product_name, product_type, product_unit, "
                        + "duration_months, price_bands::text FROM order_items WHERE order_id = ? ORDER BY id")) {
                    st.setObject(1, id);
                    try (var rs = st.executeQuery()) {
                        while (rs.next()) {
                            Object[] item = new Object[13];
                            for (int k = 0; k < 13; k++) {
                                item[k] = rs.getObject(k + 1);
                            }
                            items.add(item);
                        }
                    }
                }
                try (PreparedStatement st = c.prepareStatement("SELECT user_id, admin_user_id, ip_address, user_agent, "
                        + "changes::text FROM audit_logs WHERE entity_id = ?")) {
                    st.setObject(1, id);
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        return new Template(order, items, new Object[] {
                            rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getObject(4), rs.getString(5)
                        });
                    }
                }
            }
        }
    }

    /**
     * The same rows the API writes for one order, with the same values ({@link Template}): the order with its number
     * from the sequence, its items and one audit row, in one transaction, the items in one batch.
     */
    private static Result runJdbc(int clients, int seconds, String url, Fixture fixture, Template template)
            throws InterruptedException {
        return load(clients, seconds, 0, () -> {
            Connection c = DriverManager.getConnection(url, "postgres", "postgres");
            c.setAutoCommit(false);
            PreparedStatement seq = c.prepareStatement("SELECT nextval('order_number_seq')");
            PreparedStatement order =
                    c.prepareStatement("INSERT INTO orders (id, order_number, status, created_by, partner_id, "
                            + "subtotal, discount_amount, tax_amount, total_amount, tax_rate, currency, kind, version, created_at, "
                            + "updated_at) VALUES (?, ?, 'CREATED', ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', 0, now(), now())");
            PreparedStatement item =
                    c.prepareStatement("INSERT INTO order_items (id, order_id, product_id, duration_id, "
                            + "quantity, unit_price, discount_percentage, subtotal, discount_amount, total, product_name, product_type, "
                            + "product_unit, duration_months, price_bands, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now(), now())");
            PreparedStatement audit =
                    c.prepareStatement("INSERT INTO audit_logs (id, entity_id, user_id, admin_user_id, "
                            + "ip_address, user_agent, changes, action, entity_type, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'create', 'order', now())");
            return i -> {
                var rs = seq.executeQuery();
                rs.next();
                UUID id = UUID.randomUUID();
                order.setObject(1, id);
                order.setString(
                        2,
                        "ORD-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-"
                                + String.format(java.util.Locale.ROOT, "%06d", rs.getLong(1)));
                order.setObject(3, fixture.author());
                order.setObject(4, fixture.partner());
                for (int k = 0; k < 6; k++) {
                    order.setObject(5 + k, template.order()[k]);
                }
                order.executeUpdate();
                for (Object[] values : template.items()) {
                    item.setObject(1, UUID.randomUUID());
                    item.setObject(2, id);
                    for (int k = 0; k < 13; k++) {
                        item.setObject(3 + k, values[k]);
                    }
                    item.addBatch();
                }
                item.executeBatch();
                audit.setObject(1, UUID.randomUUID());
                audit.setObject(2, id);
                for (int k = 0; k < 5; k++) {
                    audit.setObject(3 + k, template.audit()[k]);
                }
                audit.executeUpdate();
                c.commit();
                return true;
            };
        });
    }

    interface TaskFactory {
        Task create() throws Exception;
    }

    /** @param rate offered orders per second over all clients; 0: each client sends again as soon as answered */
    private static Result load(int clients, int seconds, double rate, TaskFactory factory) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<long[]> perThread = new ArrayList<>();
        List<int[]> usedCounts = new ArrayList<>();
        AtomicInteger counter = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        java.time.Instant startedAt = java.time.Instant.now();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        // the slowest answer of each second (by due time), to line stalls up with the GC log and PostgreSQL's
        // checkpoints
        java.util.concurrent.atomic.AtomicLongArray slowest =
                new java.util.concurrent.atomic.AtomicLongArray(seconds + 2);
        for (int t = 0; t < clients; t++) {
            int client = t;
            long[] samples = new long[2_000_000 / clients];
            int[] used = new int[1];
            synchronized (perThread) {
                perThread.add(samples);
                usedCounts.add(used);
            }
            pool.submit(() -> {
                try {
                    Task task = factory.create();
                    for (long k = 0; System.nanoTime() < end && used[0] < samples.length; k++) {
                        int i = counter.incrementAndGet();
                        long t0 = System.nanoTime();
                        if (rate > 0) {
                            long due = start + (long) ((k * clients + client) * 1e9 / rate);
                            if (due >= end) {
                                break;
                            }
                            if (due > t0) {
                                LockSupport.parkNanos(due - t0);
                            }
                            t0 = due;
                        }
                        boolean ok;
                        try {
                            ok = task.run(i);
                        } catch (Exception e) {
                            FIRST_ERROR.compareAndSet(null, e.toString());
                            ok = false;
                        }
                        if (ok) {
                            long micros = (System.nanoTime() - t0) / 1000;
                            samples[used[0]++] = micros;
                            slowest.accumulateAndGet(
                                    (int) Math.min(seconds + 1, Math.max(0, (t0 - start) / 1_000_000_000L)),
                                    micros,
                                    Math::max);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
                return null;
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        List<Long> all = new ArrayList<>();
        for (int t = 0; t < perThread.size(); t++) {
            long[] samples = perThread.get(t);
            for (int k = 0; k < usedCounts.get(t)[0]; k++) {
                all.add(samples[k]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (rate > 0 && Boolean.getBoolean("prm.bench.timeline")) {
            printStalls(startedAt, slowest);
        }
        return new Result(sorted.length, errors.get(), elapsed, sorted);
    }

    /** Prints each second (UTC, by due time) whose slowest answer took over 50 ms: {@code -Dprm.bench.timeline=true}. */
    private static void printStalls(java.time.Instant startedAt, java.util.concurrent.atomic.AtomicLongArray slowest) {
        for (int second = 0; second < slowest.length(); second++) {
            long micros = slowest.get(second);
            if (micros > 50_000) {
                System.out.printf(
                        java.util.Locale.ROOT,
                        "  slow second %s: slowest answer %.1f ms%n",
                        startedAt.plusSeconds(second).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        micros / 1000.0);
            }
        }
    }
}
