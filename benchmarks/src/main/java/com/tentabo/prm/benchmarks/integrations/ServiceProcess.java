package com.tentabo.prm.benchmarks.integrations;

import com.tentabo.prm.benchmarks.service.ServiceLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code bootstrap/target/quarkus-app}) started by {@link ServiceLauncher} against a given
 * database, as the integration drivers run it: its default settings, the admin password and credentials key of the driver, the schedules named in
 * {@code environment}, extra JVM options from {@code -Dprm.bench.jvm-args}. Also what the drivers read around it: the
 * admin's token, JSON calls, {@code /proc} figures and a count from the database.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = ServiceLauncher.Running.ADMIN_PASSWORD;
    /** A fixed AES-256 key for the provider credentials the drivers store (32 bytes in Base64). */
    private static final String CREDENTIALS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final ServiceLauncher.Running service;
    private final String jdbcUrl;
    private String token;

    private ServiceProcess(ServiceLauncher.Running service, String jdbcUrl) {
        this.service = service;
        this.jdbcUrl = jdbcUrl;
    }

    static ServiceProcess start(String jdbcUrl, int port, Path work, String heap, Map<String, String> environment)
            throws IOException, InterruptedException {
        return new ServiceProcess(
                ServiceLauncher.service(jdbcUrl, port)
                        .heap(heap)
                        .optionsFrom("prm.bench.jvm-args")
                        .files(work.resolve("data"), work.resolve("service.log"))
                        .env("PRM_PROVIDER_CREDENTIALS_KEY", CREDENTIALS_KEY)
                        .env("PRM_OUTBOX_INTERVAL", "off")
                        .env("PRM_PROVIDER_SYNC_CRON", "off")
                        .env("PRM_REMINDER_CRON", "off")
                        .env("PRM_RATE_LIMIT_CALLER_QUOTA", "1000000000")
                        // every delivery comes from 127.0.0.1: a deployment lists its providers' addresses in
                        // prm.rate-limit.overrides
                        .env("PRM_RATE_LIMIT_ADDRESS_QUOTA", "1000000000")
                        .env(environment)
                        .ready(
                                Duration.ofSeconds(Long.getLong("prm.bench.start-timeout", 360)),
                                "the service did not become ready in time (-Dprm.bench.start-timeout, seconds)",
                                Duration.ofMillis(200))
                        .start(),
                jdbcUrl);
    }

    long pid() {
        return service.pid();
    }

    String baseUrl() {
        return service.baseUrl();
    }

    /** POST of a JSON body as the admin; answers the body, or fails naming the status. */
    String postAsAdmin(String path, String json, int expectedStatus) throws IOException, InterruptedException {
        if (token == null) {
            token = login();
        }
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofHours(1))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expectedStatus) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Creates (and activates) a provider; answers its id. */
    String createProvider(String type, String name, String configuration, String credentials)
            throws IOException, InterruptedException {
        String body = postAsAdmin(
                "/api/v1/providers",
                "{\"provider_type\": \"" + type + "\", \"provider_name\": \""
                        + name + "\", \"configuration\": " + configuration + ", \"credentials\": " + credentials
                        + ", \"is_active\": true}",
                201);
        return field(body, "id");
    }

    /** A PRM user (role ADMIN) written directly, to own the leads a CRM brings: answers its id. */
    String leadOwner() throws SQLException {
        java.util.UUID id = java.util.UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, provider, provider_id, email, role, "
                        + "is_enabled) VALUES (?, 'bench', ?, 'lead-owner@bench.example', 'ADMIN', true)")) {
            ps.setObject(1, id);
            ps.setString(2, id.toString());
            ps.executeUpdate();
        }
        return id.toString();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]+)\"?")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The service's resident memory (VmRSS), KiB; -1 when unreadable. */
    long rssKib() {
        return service.residentKib();
    }

    static String loadAverage() {
        return ServiceLauncher.loadAverage();
    }

    private String login() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return field(r.body(), "access_token");
    }

    @Override
    public void close() throws InterruptedException {
        service.close();
    }
}
