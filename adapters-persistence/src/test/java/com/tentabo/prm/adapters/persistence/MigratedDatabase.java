package com.tentabo.prm.adapters.persistence;

import com.tentabo.prm.testing.TestDatabase;
import org.flywaydb.core.Flyway;

/** A new database of the tests' PostgreSQL with every migration applied, as the service leaves it. */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    public static TestDatabase create(String prefix) {
        TestDatabase database = TestDatabase.create(prefix);
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return database;
    }
}
