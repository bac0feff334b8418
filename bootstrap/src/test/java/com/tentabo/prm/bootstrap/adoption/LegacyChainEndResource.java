package com.tentabo.prm.bootstrap.adoption;

import com.tentabo.prm.testing.LegacyDatabases;
import com.tentabo.prm.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A database of the replaced system at the end of its Alembic chain, with its rows, for the one Quarkus boot that
 * adopts it ({@link LegacyDatabaseApiTest}). The fingerprint of every legacy column before the service starts is
 * left in a file named by the system property {@value #FINGERPRINTS}, one {@code table(columns)=count:md5} a line.
 */
public class LegacyChainEndResource implements QuarkusTestResourceLifecycleManager {

    static final String FINGERPRINTS = "prm.test.legacy-fingerprints";

    @Override
    public Map<String, String> start() {
        TestDatabase db = LegacyDatabases.at(LegacyDatabases.CHAIN_END);
        try (Connection c = db.connect()) {
            Map<String, List<String>> columns = LegacyDatabases.columns(c);
            Path file = Files.createTempFile("legacy-fingerprints", ".txt");
            Files.writeString(
                    file,
                    LegacyDatabases.fingerprints(c, columns).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("\n")));
            System.setProperty(FINGERPRINTS, file.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                db.jdbcUrl(),
                "quarkus.datasource.username",
                db.username(),
                "quarkus.datasource.password",
                db.password());
    }

    @Override
    public void stop() {
        // the server stops with the JVM
    }
}
