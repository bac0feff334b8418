package com.tentabo.prm.adapters.persistence.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version {@value #VERSION}: what a database adopted after schema 1.0.0 needs before V2 runs
 * ({@code db/legacy/adoption.sql}): the replaced system's {@code api_keys} set aside as {@code legacy_api_keys} (V3
 * creates ours), and {@code products.type} given back, kept in step with the legacy {@code type_id}. Only
 * {@link SeedAdoption} registers it, for such databases: a database created by this service never lists it.
 */
public final class LegacyAdoptionMigration implements JavaMigration {

    static final String VERSION = "1.9";
    private static final String SCRIPT = "/db/legacy/adoption.sql";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "legacy adoption";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(script().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(script());
        }
    }

    static String script() {
        try (InputStream in = LegacyAdoptionMigration.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
