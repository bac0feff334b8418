package com.tentabo.prm.bootstrap;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Path;
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
