package com.tentabo.prm.adapters.persistence.migration;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Decides how Flyway treats the database it is pointed at:
 * <ul>
 *   <li>empty database, or one Flyway already manages: migrate as usual;</li>
 *   <li>a live database of the seed (Python) system, recognised by {@code alembic_version} =
 *       {@value #SEED_ALEMBIC_REVISION} and no Flyway history: baseline at version 1 (the seed schema,
 *       which {@code V1__seed_schema_1_0_0.sql} reproduces) and migrate on from V2, touching no row;</li>
 *   <li>a seed database at another Alembic revision: refuse to start, with a message saying why.</li>
 * </ul>
 * Baselining is never switched on globally: a non-empty database that is neither ours nor the seed's makes
 * Flyway stop with its own "non-empty schema without schema history" error rather than being adopted by accident.
 */
public final class SeedAdoption {

    public static final String SEED_ALEMBIC_REVISION = "a8e2b505fe67";
    private static final Logger LOG = Logger.getLogger(SeedAdoption.class);

    public enum State { FRESH_OR_MANAGED, SEED_DATABASE }

    private SeedAdoption() {
    }

    /** Inspects the database and adjusts the configuration; returns what it found. */
    public static State configure(FluentConfiguration configuration) {
        State state = inspect(configuration.getDataSource(), schemaOf(configuration));
        if (state == State.SEED_DATABASE) {
            LOG.infof("Database holds the seed schema (alembic revision %s) and no Flyway history: "
                    + "baselining at version 1 and migrating on", SEED_ALEMBIC_REVISION);
            configuration.baselineOnMigrate(true).baselineVersion("1")
                    .baselineDescription("seed schema 1.0.0 adopted (alembic " + SEED_ALEMBIC_REVISION + ")");
        }
        return state;
    }

    private static String schemaOf(FluentConfiguration configuration) {
        String[] schemas = configuration.getSchemas();
        return schemas != null && schemas.length > 0 ? schemas[0] : "public";
    }

    static State inspect(DataSource dataSource, String schema) {
        if (dataSource == null) {
            return State.FRESH_OR_MANAGED;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (tableExists(connection, schema, "flyway_schema_history")
                    || !tableExists(connection, schema, "alembic_version")) {
                return State.FRESH_OR_MANAGED;
            }
            String revision = alembicRevision(connection, schema);
            if (!SEED_ALEMBIC_REVISION.equals(revision)) {
                throw new IllegalStateException("The database holds a Tentabo seed schema at Alembic revision '"
                        + revision + "', but only revision " + SEED_ALEMBIC_REVISION
                        + " (schema 1.0.0) can be adopted. Bring it to that revision first.");
            }
            return State.SEED_DATABASE;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect the database before migrating it: " + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static String alembicRevision(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version_num FROM \"" + schema.replace("\"", "") + "\".alembic_version")) {
            String revision = null;
            while (rs.next()) {
                if (revision != null) {
                    return "several revisions";
                }
                revision = rs.getString(1);
            }
            return revision;
        }
    }
}
