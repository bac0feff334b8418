package com.tentabo.prm.bootstrap.support;

import com.tentabo.prm.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives the Quarkus application under test a fresh database on the shared real PostgreSQL 13.22, and the test SMTP
 * server ({@link TestMail}).
 * Every {@code @QuarkusTest} class uses this same resource, so they all share one Quarkus boot.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestDatabase db = TestDatabase.create("app");
        Map<String, String> config = new java.util.HashMap<>(TestMail.start());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url",
                db.jdbcUrl(),
                "quarkus.datasource.username",
                db.username(),
                "quarkus.datasource.password",
                db.password()));
        return config;
    }

    @Override
    public void stop() {
        // the server stops with the JVM
    }
}
