package com.tentabo.prm.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL 13.22 for tests: one server per JVM (Testcontainers when Docker is available, the zonky
 * embedded binaries otherwise), and a fresh, empty database for each caller of {@link #create(String)}.
 *
 * <p>Mode from {@code -Dtest.db} or env {@code TEST_DB}: {@code auto} (default), {@code docker}, {@code embedded}.
 */
public final class TestDatabase {

    public static final String POSTGRES_IMAGE = "postgres:13.22";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String name;

    private TestDatabase(String name, String jdbcUrl, String username, String password) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /** A new empty database on the shared server. */
    public static TestDatabase create(String prefix) {
        Server s = server();
        String name =
                (prefix.replaceAll("[^a-zA-Z0-9]", "_") + "_" + COUNTER.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.username, s.password);
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new TestDatabase(name, s.url(name), s.username, s.password);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** Which kind of server backs the tests: {@code docker} or {@code embedded}. */
    public static String kind() {
        return server().kind;
    }

    private static synchronized Server server() {
        if (server == null) {
            long t0 = System.nanoTime();
            server = useDocker() ? startContainer() : startEmbedded();
            System.out.printf(
                    "[TestDatabase] %s PostgreSQL ready in %d ms%n", server.kind, (System.nanoTime() - t0) / 1_000_000);
        }
        return server;
    }

    private static boolean useDocker() {
        String mode = System.getProperty("test.db", System.getenv().getOrDefault("TEST_DB", "auto"))
                .toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Server startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
        return new Server("docker", base, container.getUsername(), container.getPassword());
    }

    private static Server startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start(); // zonky registers its own shutdown hook
            return new Server("embedded", "jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private record Server(String kind, String baseUrl, String username, String password) {
        String url(String database) {
            return baseUrl + database;
        }
    }
}
