package com.tentabo.prm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.testing.TestDatabase;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Before Quarkus starts, Flyway is left out of the start only for a database that holds this build's schema. */
class MainSchemaCheckTest {

    private static final String MIGRATE_AT_START = "quarkus.flyway.migrate-at-start";
    private static final String FLYWAY_ACTIVE = "quarkus.flyway.active";
    private static final List<String> SET_HERE = List.of(
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "prm.migrations.skip-when-current",
            "prm.migrations.left-out-by-check",
            MIGRATE_AT_START,
            FLYWAY_ACTIVE);

    @AfterEach
    void clearSettings() {
        // the Quarkus tests that may run next in this JVM must not see them
        SET_HERE.forEach(System::clearProperty);
    }

    @Test
    void aDatabaseAtThisBuildsSchema_startsWithoutFlyway() {
        pointAt(migrated("main_current"));

        Main.skipFlywayWhenSchemaIsCurrent();

        assertThat(System.getProperty(MIGRATE_AT_START)).isEqualTo("false");
        assertThat(System.getProperty(FLYWAY_ACTIVE)).isEqualTo("false");
    }

    @Test
    void anEmptyDatabase_isMigratedByFlywayAtStart() {
        pointAt(TestDatabase.create("main_empty"));

        Main.skipFlywayWhenSchemaIsCurrent();

        assertThat(System.getProperty(MIGRATE_AT_START)).isNull();
        assertThat(System.getProperty(FLYWAY_ACTIVE)).isNull();
    }

    @Test
    void turnedOff_flywayRunsAtEveryStart() {
        pointAt(migrated("main_off"));
        System.setProperty("prm.migrations.skip-when-current", "false");

        Main.skipFlywayWhenSchemaIsCurrent();

        assertThat(System.getProperty(MIGRATE_AT_START)).isNull();
        assertThat(System.getProperty(FLYWAY_ACTIVE)).isNull();
    }

    @Test
    void aDatabaseThatCannotBeReached_isLeftToFlyway() {
        System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

        Main.skipFlywayWhenSchemaIsCurrent();

        assertThat(System.getProperty(MIGRATE_AT_START)).isNull();
        assertThat(System.getProperty(FLYWAY_ACTIVE)).isNull();
    }

    @Test
    void calledAgainInTheSameJvm_decidesAfresh() {
        pointAt(migrated("main_again"));
        Main.skipFlywayWhenSchemaIsCurrent();
        pointAt(TestDatabase.create("main_again_empty"));

        Main.skipFlywayWhenSchemaIsCurrent();

        assertThat(System.getProperty(MIGRATE_AT_START)).isNull();
        assertThat(System.getProperty(FLYWAY_ACTIVE)).isNull();
    }

    private static TestDatabase migrated(String prefix) {
        TestDatabase db = TestDatabase.create(prefix);
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return db;
    }

    private static void pointAt(TestDatabase db) {
        System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
        System.setProperty("quarkus.datasource.username", db.username());
        System.setProperty("quarkus.datasource.password", db.password());
    }
}
