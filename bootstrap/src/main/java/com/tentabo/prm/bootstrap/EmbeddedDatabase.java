package com.tentabo.prm.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The embedded PostgreSQL 13.22 of a single-machine installation: data under {@code <data dir>/postgres}, listening on
 * loopback only ({@code listen_addresses = localhost}), and password authentication (SCRAM-SHA-256) for every
 * connection, with a password generated once and kept in {@code <data dir>/postgres-password} (readable by its owner
 * only). A data directory created by an older version (trust authentication, no password) is converted on its first
 * start: the password is set, {@code pg_hba.conf} is rewritten (a copy of the old one is kept next to it) and the
 * configuration reloaded; the data stays as it is.
 */
final class EmbeddedDatabase {

    static final String PASSWORD_FILE = "postgres-password";
    static final String USER = "postgres";
    static final String HBA_MARKER = "# tentabo-prm: password authentication, loopback only";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The started server and how to reach it. */
    record Started(EmbeddedPostgres postgres, String jdbcUrl, String username, String password) {
        @Override
        public String toString() {
            return "Started[" + jdbcUrl + ", user " + username + ", password hidden]";
        }
    }

    private EmbeddedDatabase() {}

    static Started start(Path dataRoot, Integer port) throws IOException {
        Path dir = dataRoot.resolve("postgres");
        Files.createDirectories(dir);
        String password = readOrCreatePassword(dataRoot.resolve(PASSWORD_FILE));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password);
        if (port != null) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        requirePasswords(postgres, dir, password);
        return new Started(postgres, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", USER, password);
    }

    /** Converts a data directory that still trusts every local connection. */
    private static void requirePasswords(EmbeddedPostgres postgres, Path dir, String password) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        if (Files.isRegularFile(hba)
                && Files.readString(hba, StandardCharsets.UTF_8).contains(HBA_MARKER)) {
            return;
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            // the password is base64url: nothing in it needs escaping in a literal
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE " + USER + " WITH PASSWORD '" + password + "'");
            if (Files.isRegularFile(hba)) {
                Files.copy(
                        hba,
                        dir.resolve("pg_hba.conf.before-passwords"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(
                    hba,
                    HBA_MARKER + System.lineSeparator()
                            + "local   all   all                  scram-sha-256" + System.lineSeparator()
                            + "host    all   all   127.0.0.1/32   scram-sha-256" + System.lineSeparator()
                            + "host    all   all   ::1/128        scram-sha-256" + System.lineSeparator(),
                    StandardCharsets.UTF_8);
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the password of the embedded database: " + e.getMessage(), e);
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IOException(file.toAbsolutePath() + " is empty: restore the embedded database's password");
            }
            return password;
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        AdminBootstrap.writeOwnerOnly(file, password + System.lineSeparator());
        return password;
    }

    /** Whether the file can be read by its owner only (true where POSIX permissions do not exist). */
    static boolean ownerOnly(Path file) throws IOException {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                    .equals("rw-------");
        } catch (UnsupportedOperationException noPosix) {
            return true;
        }
    }
}
