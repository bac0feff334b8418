package com.tentabo.prm.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start leaves Flyway out only when the history lists exactly this build's migrations with their checksums: after
 * Flyway migrated, and in no other state.
 */
class CurrentSchemaTest {

    @Test
    void afterFlywayMigrated_theSchemaIsCurrent_withFlywaysOwnChecksumOfEveryMigration() throws Exception {
        TestDatabase db = migrated("current");
        Map<String, Integer> build = migrationsOfThisBuild();

        MigrationInfo[] applied = flyway(db).info().applied();
        assertThat(build).hasSize(applied.length);
        for (MigrationInfo migration : applied) {
            assertThat(build).containsEntry(migration.getVersion().getVersion(), migration.getChecksum());
        }
        try (Connection c = db.connect()) {
            assertThat(CurrentSchema.isCurrent(c, build)).isTrue();
        }
    }

    @Test
    void anEmptyDatabase_isNotCurrent() throws Exception {
        TestDatabase db = TestDatabase.create("current_empty");
        try (Connection c = db.connect()) {
            assertThat(CurrentSchema.isCurrent(c, migrationsOfThisBuild())).isFalse();
        }
    }

    @Test
    void aMigrationOfTheBuildNotYetApplied_isNotCurrent() throws Exception {
        assertNotCurrentAfter("current_behind", "DELETE FROM flyway_schema_history WHERE version = '48'");
    }

    @Test
    void aMigrationTheBuildDoesNotHave_newerSchema_isNotCurrent() throws Exception {
        assertNotCurrentAfter(
                "current_newer",
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                        + "installed_by, execution_time, success) VALUES (1000, '1000', 'later', 'SQL', "
                        + "'V1000__later.sql', 1, 'postgres', 1, true)");
    }

    @Test
    void aMigrationChangedAfterItWasApplied_isNotCurrent() throws Exception {
        assertNotCurrentAfter(
                "current_changed", "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
    }

    @Test
    void aFailedMigration_isNotCurrent() throws Exception {
        assertNotCurrentAfter(
                "current_failed", "UPDATE flyway_schema_history SET success = false WHERE version = '48'");
    }

    @Test
    void aBaselinedHistory_ofAnAdoptedDatabase_isLeftToFlyway() throws Exception {
        assertNotCurrentAfter(
                "current_baseline",
                "UPDATE flyway_schema_history SET type = 'BASELINE', checksum = NULL WHERE version = '1'");
    }

    @Test
    void checksum_isFlywaysCrc32OfTheLinesWithoutLineBreaksOrByteOrderMark() throws IOException {
        int unix = CurrentSchema.checksum(stream("\uFEFFCREATE TABLE t (id int);\nSELECT 1;\n"));
        int windows = CurrentSchema.checksum(stream("CREATE TABLE t (id int);\r\nSELECT 1;"));

        assertThat(unix).isEqualTo(windows);
        assertThat(CurrentSchema.checksum(stream("CREATE TABLE t (id int);\nSELECT 2;\n")))
                .isNotEqualTo(unix);
    }

    @Test
    void theBuildsMigrations_areReadFromAJarAsFromADirectory(@TempDir Path dir) throws IOException {
        Map<String, Integer> fromDirectory = migrationsOfThisBuild();
        Path source = Path.of(getClass()
                        .getClassLoader()
                        .getResource(CurrentSchema.FIRST_MIGRATION)
                        .getPath())
                .getParent();
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                var files = Files.list(source)) {
            for (Path file : files.toList()) {
                out.putNextEntry(new JarEntry(CurrentSchema.LOCATION + "/" + file.getFileName()));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(CurrentSchema.migrationsOfThisBuild(loader)).contains(fromDirectory);
        }
    }

    @Test
    void aFileThatIsNotAVersionedMigration_leavesTheDecisionToFlyway(@TempDir Path dir) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve(CurrentSchema.LOCATION));
        Files.writeString(migrations.resolve("V1__seed_schema_1_0_0.sql"), "SELECT 1;");
        Files.writeString(migrations.resolve("R__views.sql"), "SELECT 2;");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(CurrentSchema.migrationsOfThisBuild(loader)).isEmpty();
        }
    }

    private static void assertNotCurrentAfter(String prefix, String change) throws Exception {
        TestDatabase db = migrated(prefix);
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute(change);
            assertThat(CurrentSchema.isCurrent(c, migrationsOfThisBuild())).isFalse();
        }
    }

    private static Map<String, Integer> migrationsOfThisBuild() throws IOException {
        return CurrentSchema.migrationsOfThisBuild(CurrentSchemaTest.class.getClassLoader())
                .orElseThrow();
    }

    private static TestDatabase migrated(String prefix) throws SQLException {
        TestDatabase db = TestDatabase.create(prefix);
        flyway(db).migrate();
        return db;
    }

    private static Flyway flyway(TestDatabase db) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .load();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
