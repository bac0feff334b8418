package com.tentabo.prm.benchmarks.integrations;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code bootstrap/target/quarkus-app}) started against a given database, as the integration
 * drivers run it: its default settings, the admin password and credentials key of the driver, the schedules named in
 * {@code environment}, extra JVM options from {@code -Dprm.bench.jvm-args}. Also what the drivers read around it: the
 * admin's token, JSON calls, {@code /proc} figures and a count from the database.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    /** A fixed AES-256 key for the provider credentials the drivers store (32 bytes in Base64). */
    private static final String CREDENTIALS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Process process;
    private final int port;
    private final String jdbcUrl;
    private String token;

    private ServiceProcess(Process process, int port, String jdbcUrl) {
        this.process = process;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
    }

    static ServiceProcess start(String jdbcUrl, int port, Path work, String heap, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path appJar = Path.of("bootstrap/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(appJar)) {
            throw new IllegalStateException("build the service first: ./mvnw -B -q -o package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of("java", heap));
        String extra = System.getProperty("prm.bench.jvm-args");
        if (extra != null && !extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", appJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("PRM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("PRM_PROVIDER_CREDENTIALS_KEY", CREDENTIALS_KEY);
        builder.environment().put("PRM_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        builder.environment().put("PRM_OUTBOX_INTERVAL", "off");
        builder.environment().put("PRM_PROVIDER_SYNC_CRON", "off");
        builder.environment().put("PRM_REMINDER_CRON", "off");
        builder.environment().put("PRM_RATE_LIMIT_CALLER_QUOTA", "1000000000");
        // every delivery comes from 127.0.0.1: a deployment lists its providers' addresses in prm.rate-limit.overrides
        builder.environment().put("PRM_RATE_LIMIT_ADDRESS_QUOTA", "1000000000");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        ServiceProcess service = new ServiceProcess(builder.start(), port, jdbcUrl);
        service.waitForHealth();
        return service;
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
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
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
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

    private void waitForHealth() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(Long.getLong("prm.bench.start-timeout", 360));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the service is still starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped while starting (see its service.log)");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "the service did not become ready in time (-Dprm.bench.start-timeout, seconds)");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
