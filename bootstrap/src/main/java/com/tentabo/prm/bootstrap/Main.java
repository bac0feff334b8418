package com.tentabo.prm.bootstrap;

import com.tentabo.prm.adapters.persistence.migration.CurrentSchema;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Starts the service. With no datasource configured ({@code QUARKUS_DATASOURCE_JDBC_URL} or
 * {@code -Dquarkus.datasource.jdbc.url}), it first starts an embedded PostgreSQL 13.22 whose data lives under
 * {@code ./data/postgres} (kept between runs), listening on loopback only with a generated password
 * ({@link EmbeddedDatabase}), and points the datasource at it.
 */
@QuarkusMain
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class);
    /** Set when this JVM, not the operator, set {@code quarkus.flyway.migrate-at-start} and {@code active} to false. */
    private static final String FLYWAY_LEFT_OUT = "prm.migrations.left-out-by-check";

    private Main() {}

    public static void main(String... args) throws IOException {
        if (ApplicationLifecycleManager.isAppCDSGeneration()) {
            // the build runs the application up to the end of its static initialisation to record the classes it
            // loads (app-cds.jsa): no database is reached then, so none is started
            Quarkus.run(args);
            return;
        }
        if (setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL") == null && embeddedEnabled()) {
            startEmbeddedPostgres();
        } else {
            LOG.infof(
                    "Database: external PostgreSQL at %s",
                    redact(setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL")));
        }
        skipFlywayWhenSchemaIsCurrent();
        // never close the embedded database here: dev mode calls main() again on every reload;
        // zonky's shutdown hook stops it with the JVM
        Quarkus.run(args);
    }

    private static void startEmbeddedPostgres() throws IOException {
        long t0 = System.nanoTime();
        String dataDir = setting("prm.data-dir", "PRM_DATA_DIR");
        Path root = Path.of(dataDir == null ? "data" : dataDir);
        String port = setting("prm.embedded-db.port", "PRM_EMBEDDED_DB_PORT");
        EmbeddedDatabase.Started db = EmbeddedDatabase.start(root, port == null ? null : Integer.parseInt(port));
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
        LOG.infof(
                "Database: embedded PostgreSQL 13.22 on localhost:%d (loopback only, password in %s), data in %s "
                        + "(started in %d ms). Set QUARKUS_DATASOURCE_JDBC_URL to use an external server instead.",
                db.postgres().getPort(),
                root.resolve(EmbeddedDatabase.PASSWORD_FILE).toAbsolutePath(),
                root.resolve("postgres").toAbsolutePath(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Flyway's start (its configuration, the check of the database, the validation of every migration) costs more than a
     * second of the service's start; when the database's history already lists exactly this build's migrations
     * ({@link CurrentSchema}), there is nothing for it to do, and the start leaves it out
     * ({@code quarkus.flyway.migrate-at-start=false} and {@code quarkus.flyway.active=false} for this run only). In
     * every other case — or when the check cannot be made, the operator set {@code quarkus.flyway.migrate-at-start} or
     * {@code quarkus.flyway.active}, or {@code PRM_MIGRATIONS_SKIP_WHEN_CURRENT=false}
     * — Flyway runs at start as always: it migrates, or refuses a schema it does not know.
     */
    static void skipFlywayWhenSchemaIsCurrent() {
        if (System.getProperty(FLYWAY_LEFT_OUT) != null) {
            // dev mode calls main() again on every reload, in this JVM: decide afresh (a migration may have been added)
            System.clearProperty(FLYWAY_LEFT_OUT);
            System.clearProperty("quarkus.flyway.migrate-at-start");
            System.clearProperty("quarkus.flyway.active");
        }
        String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        boolean operatorDecides = setting("quarkus.flyway.migrate-at-start", "QUARKUS_FLYWAY_MIGRATE_AT_START") != null
                || setting("quarkus.flyway.active", "QUARKUS_FLYWAY_ACTIVE") != null;
        boolean turnedOff = "false"
                .equalsIgnoreCase(setting("prm.migrations.skip-when-current", "PRM_MIGRATIONS_SKIP_WHEN_CURRENT"));
        if (url == null || operatorDecides || turnedOff) {
            return;
        }
        long t0 = System.nanoTime();
        Properties credentials = new Properties();
        String username = setting("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME");
        String password = setting("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD");
        if (username != null) {
            credentials.setProperty("user", username);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try {
            Optional<Map<String, Integer>> migrations =
                    CurrentSchema.migrationsOfThisBuild(Main.class.getClassLoader());
            if (migrations.isEmpty()) {
                return;
            }
            try (Connection connection = new org.postgresql.Driver().connect(url, credentials)) {
                if (connection != null && CurrentSchema.isCurrent(connection, migrations.get())) {
                    // not active: Quarkus then does not even build Flyway (its configuration and the database check)
                    System.setProperty("quarkus.flyway.migrate-at-start", "false");
                    System.setProperty("quarkus.flyway.active", "false");
                    System.setProperty(FLYWAY_LEFT_OUT, "true");
                    LOG.infof(
                            "Schema up to date: the database's history lists this build's %d migrations, checksums "
                                    + "equal (checked in %d ms); Flyway not started",
                            migrations.get().size(), (System.nanoTime() - t0) / 1_000_000);
                }
            }
        } catch (IOException | SQLException | RuntimeException checkNotMade) {
            LOG.infof("Schema not checked before the start (%s): Flyway runs as usual", checkNotMade.toString());
        }
    }

    private static boolean embeddedEnabled() {
        return !"false".equalsIgnoreCase(setting("prm.embedded-db.enabled", "PRM_EMBEDDED_DB_ENABLED"));
    }

    private static String redact(String url) {
        return url == null ? null : url.replaceAll("password=[^&]*", "password=***");
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
