package com.tentabo.prm.benchmarks.console;

import com.tentabo.prm.benchmarks.dashboard.DashboardBenchmark;
import com.tentabo.prm.benchmarks.leads.LeadDataGenerator;
import com.tentabo.prm.benchmarks.service.ServiceLauncher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * Page-render latency of the web console on the benchmark data set: 1,000,000 leads over 10,000 partners and 500
 * distributors, distributor 1 with 200 active partners ({@link LeadDataGenerator}), 300,000 orders and 100,000
 * contracts ({@link DashboardBenchmark#generateOrdersAndContracts}), all written by set-based SQL
 * ({@code INSERT … SELECT generate_series}).
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar com.tentabo.prm.benchmarks.console.ConsolePageDriver [leads] [requests per page] [data-dir]
 * </pre>
 * It starts an embedded PostgreSQL 13.22 on {@code data-dir} (default {@code target/console-bench-pg}, generated once
 * and reused), migrates and fills it, starts the packaged service against it (port 18082), creates a partner user of
 * partner 1 (about 1 % of the leads, 3,000 orders) and a distributor user of distributor 1 through the API (the admin
 * creates each, the invitation sets its password), signs each in to the console as a browser does, and then requests
 * every console page of each person, and the staff pages of the admin (its dashboard sums the whole business), one
 * request at a time on one keep-alive connection: 10 % of the requests as
 * warm-up, then {@code requests per page} measured (default 500). Printed per page: p50, p99 and max of the time from
 * sending the request to the last byte of the page over loopback — the server-side render time plus the loopback
 * transfer, so an upper bound of it. A page that does not answer 200 stops the driver. {@code -Dprm.bench.who=admin}
 * (a comma-separated subset of partner, distributor, admin) measures only those; {@code -Dprm.bench.service-jvm=…}
 * adds options to the service's JVM (a profiler agent, for instance); {@code -Dprm.bench.pg-config=name=value,…} sets
 * PostgreSQL settings (e.g. {@code logging_collector=on,log_directory=/tmp/pglog,log_min_duration_statement=10}).
 */
public final class ConsolePageDriver {

    private static final int PORT = 18082;
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String ADMIN_PASSWORD = ServiceLauncher.Running.ADMIN_PASSWORD;
    private static final String PASSWORD = "console-bench-password";

    private ConsolePageDriver() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        int leads = args.length > 0 ? Integer.parseInt(args[0]) : LeadDataGenerator.LEADS;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/console-bench-pg");
        ServiceLauncher.requirePackaged();
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "16MB");
        for (String setting : System.getProperty("prm.bench.pg-config", "").split(",")) {
            if (setting.contains("=")) {
                database.setServerConfig(
                        setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        try (EmbeddedPostgres pg = database.start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            Map<String, String> ids;
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                Flyway.configure()
                        .dataSource(url, "postgres", "postgres")
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                if (count(c, "SELECT count(*) FROM leads") == 0) {
                    LeadDataGenerator.generate(c, out, leads);
                }
                int orders = (int) Math.max(3_000, Math.min(300_000, count(c, "SELECT count(*) FROM leads") * 3 / 10));
                DashboardBenchmark.generateOrdersAndContracts(c, out, orders, orders / 3);
                out.printf(
                        "data set: %,d leads, %,d orders, %,d contracts, distributor 1 with %d active partners%n",
                        count(c, "SELECT count(*) FROM leads"),
                        count(c, "SELECT count(*) FROM orders"),
                        count(c, "SELECT count(*) FROM contracts"),
                        count(
                                c,
                                "SELECT count(*) FROM distributor_partners "
                                        + "WHERE distributor_id = md5('d1')::uuid AND is_active"));
                ids = ids(c);
            }
            Path data = dir.toAbsolutePath().getParent().resolve("console-bench-data");
            try (ServiceLauncher.Running app = ServiceLauncher.service(url, PORT)
                    .optionsFrom("prm.bench.service-jvm") // e.g. a profiler agent
                    .files(data, data.resolveSibling("console-bench-service.log"))
                    .env("PRM_OUTBOX_INTERVAL", "off")
                    .env("PRM_WEBHOOKS_INTERVAL", "off")
                    .env("PRM_PROVIDER_SYNC_CRON", "off")
                    .env("PRM_REMINDER_CRON", "off")
                    .start()) {
                String admin = adminToken();
                String suffix = Long.toString(System.currentTimeMillis(), 36);
                Console partner = Console.signIn(
                        createUser(
                                admin,
                                "bench-partner-" + suffix,
                                "\"role\": \"partner\", \"partner_id\": \"" + ids.get("partner") + "\""),
                        PASSWORD);
                Console distributor = Console.signIn(
                        createUser(
                                admin,
                                "bench-distributor-" + suffix,
                                "\"role\": \"distributor\", \"distributor_id\": \"" + ids.get("distributor") + "\""),
                        PASSWORD);
                Console staff = Console.signIn("admin", ADMIN_PASSWORD);
                Set<String> who = Set.of(System.getProperty("prm.bench.who", "partner,distributor,admin")
                        .split(","));
                out.printf(
                        "%nconsole pages, %d requests each after %d warm-up (ms, request to last byte over loopback)%n",
                        requests, Math.max(1, requests / 10));
                out.printf("%-12s %-44s %8s %8s %8s %8s%n", "who", "page", "p50", "p99", "max", "bytes");
                if (who.contains("partner")) {
                    for (String page : pages(
                            ids.get("partnerLead"), ids.get("partnerOrder"), ids.get("partnerContract"), false, null)) {
                        measure(out, "partner", partner, page, requests);
                    }
                }
                if (who.contains("distributor")) {
                    for (String page : pages(
                            ids.get("distributorLead"),
                            ids.get("distributorOrder"),
                            ids.get("distributorContract"),
                            true,
                            ids.get("partner"))) {
                        measure(out, "distributor", distributor, page, requests);
                    }
                }
                if (who.contains("admin")) {
                    for (String page : List.of(
                            "/ui", "/ui/leads", "/ui/orders", "/ui/contracts", "/ui/approvals", "/ui/fulfilment")) {
                        measure(out, "admin", staff, page, requests);
                    }
                }
            }
        }
    }

    /** Every console page of a partner (and, for a distributor, its partner filters and the partners page). */
    static List<String> pages(String lead, String order, String contract, boolean distributor, String partner) {
        List<String> pages = new ArrayList<>(List.of(
                "/ui",
                "/ui/leads/board",
                "/ui/leads",
                "/ui/leads?q=firewall",
                "/ui/leads?status=won",
                "/ui/leads/" + lead,
                "/ui/leads/new",
                "/ui/quote",
                "/ui/orders",
                "/ui/orders?status=fulfilled",
                "/ui/orders/" + order,
                "/ui/contracts",
                "/ui/contracts?expiring=90",
                "/ui/contracts/" + contract,
                "/ui/account",
                "/ui/inbox"));
        if (distributor) {
            pages.addAll(List.of(
                    "/ui/partners",
                    "/ui/leads/board?partner=" + partner,
                    "/ui/leads?partner=" + partner,
                    "/ui/orders?partner=" + partner));
        }
        return pages;
    }

    private static void measure(PrintStream out, String who, Console console, String page, int requests)
            throws IOException, InterruptedException {
        int warm = Math.max(1, requests / 10);
        long[] nanos = new long[requests];
        long bytes = 0;
        for (int i = -warm; i < requests; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = console.get(page);
            long spent = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(who + " GET " + page + " answered " + r.statusCode());
            }
            if (i >= 0) {
                nanos[i] = spent;
                bytes = r.body().length;
            }
        }
        Arrays.sort(nanos);
        out.printf(
                "%-12s %-44s %8.2f %8.2f %8.2f %8d%n",
                who,
                page.length() > 44 ? page.substring(0, 41) + "…" : page,
                percentile(nanos, 0.50),
                percentile(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6,
                bytes);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Partner 1, distributor 1, and a lead, an order and a contract of each (the newest). */
    private static Map<String, String> ids(Connection c) throws SQLException {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("partner", text(c, "SELECT md5('p1')::uuid::text"));
        ids.put("distributor", text(c, "SELECT md5('d1')::uuid::text"));
        ids.put(
                "partnerLead",
                text(
                        c,
                        "SELECT id::text FROM leads WHERE partner_id = md5('p1')::uuid "
                                + "ORDER BY created_at DESC LIMIT 1"));
        ids.put(
                "partnerOrder",
                text(
                        c,
                        "SELECT id::text FROM orders WHERE partner_id = md5('p1')::uuid "
                                + "ORDER BY created_at DESC LIMIT 1"));
        ids.put(
                "partnerContract",
                text(
                        c,
                        "SELECT id::text FROM contracts WHERE partner_id = md5('p1')::uuid "
                                + "ORDER BY created_at DESC LIMIT 1"));
        String assigned =
                "(SELECT partner_id FROM distributor_partners WHERE distributor_id = md5('d1')::uuid AND is_active)";
        ids.put(
                "distributorLead",
                text(
                        c,
                        "SELECT id::text FROM leads WHERE partner_id IN " + assigned
                                + " ORDER BY created_at DESC LIMIT 1"));
        ids.put(
                "distributorOrder",
                text(
                        c,
                        "SELECT id::text FROM orders WHERE partner_id IN " + assigned
                                + " ORDER BY created_at DESC LIMIT 1"));
        ids.put(
                "distributorContract",
                text(
                        c,
                        "SELECT id::text FROM contracts WHERE partner_id IN " + assigned
                                + " ORDER BY created_at DESC LIMIT 1"));
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (id.getValue() == null) {
                throw new IllegalStateException("the data set has no " + id.getKey() + "; generate more leads");
            }
        }
        return ids;
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(text(c, sql));
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    // ---- the service ---------------------------------------------------------------------------------------------

    private static final HttpClient API =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String adminToken() throws IOException, InterruptedException {
        return json(
                post("/api/v1/auth/login", null, "{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}"),
                "access_token");
    }

    /** A database user created by the admin, its password set through its invitation; returns its username. */
    private static String createUser(String admin, String username, String roleAndCompany)
            throws IOException, InterruptedException {
        String created = post(
                "/api/v1/users",
                admin,
                "{\"username\": \"" + username + "\", \"email\": \"" + username + "@bench.example\", " + roleAndCompany
                        + "}");
        String invitation = json(created, "token");
        post("/api/v1/auth/invitations/" + invitation, null, "{\"password\": \"" + PASSWORD + "\"}");
        return username;
    }

    private static String post(String path, String bearer, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = API.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + body);
        }
        return m.group(1);
    }

    /** One signed-in browser: its cookies, one keep-alive connection. */
    private record Console(HttpClient client) {

        static Console signIn(String username, String password) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            HttpClient client = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            String form = client.send(
                            HttpRequest.newBuilder(URI.create(BASE + "/ui/sign-in"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("the sign-in page has no CSRF token");
            }
            String body = "_csrf=" + enc(csrf.group(1)) + "&next=%2Fui&username=" + enc(username) + "&password="
                    + enc(password);
            HttpResponse<String> signedIn = client.send(
                    HttpRequest.newBuilder(URI.create(BASE + "/ui/sign-in"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 303) {
                throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode());
            }
            return new Console(client);
        }

        HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(URI.create(BASE + path))
                            .header("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
