package com.tentabo.prm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded database of a single-machine installation listens on loopback only and wants a password; a data
 * directory of an older version (trust authentication) is converted on its first start, its data kept.
 */
class EmbeddedDatabaseTest {

    @Test
    void givenADataDirectoryOfAnOlderVersion_whenStarted_thenItWantsTheGeneratedPasswordAndKeepsItsData(
            @TempDir Path root) throws Exception {
        // what older versions did: trust authentication, no password
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(root.resolve("postgres").toFile())
                        .setCleanDataDirectory(false)
                        .start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v text)");
            st.execute("INSERT INTO kept VALUES ('from before')");
        }

        for (int start = 0; start < 2; start++) { // the conversion, then an ordinary start
            EmbeddedDatabase.Started db = EmbeddedDatabase.start(root, null);
            try {
                Path passwordFile = root.resolve(EmbeddedDatabase.PASSWORD_FILE);
                assertThat(EmbeddedDatabase.ownerOnly(passwordFile)).isTrue();
                assertThat(Files.readString(passwordFile).strip())
                        .isEqualTo(db.password())
                        .hasSizeGreaterThan(20);
                assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://localhost:");
                try (Connection c = connect(db, db.password());
                        Statement st = c.createStatement()) {
                    assertThat(text(st, "SHOW listen_addresses")).isEqualTo("localhost");
                    assertThat(text(st, "SELECT v FROM kept")).isEqualTo("from before");
                }
                assertThatThrownBy(() -> connect(db, "not-the-password").close())
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connect(db, null).close()).isInstanceOf(SQLException.class);
            } finally {
                db.postgres().close();
            }
        }
    }

    private static Connection connect(EmbeddedDatabase.Started db, String password) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(db.jdbcUrl());
        source.setUser(db.username());
        if (password != null) {
            source.setPassword(password);
        }
        return source.getConnection();
    }

    private static String text(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
