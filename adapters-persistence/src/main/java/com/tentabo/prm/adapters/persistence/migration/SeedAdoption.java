package com.tentabo.prm.adapters.persistence.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Decides how Flyway treats the database it is pointed at:
 * <ul>
 *   <li>empty database, or one Flyway already manages: migrate as usual (with {@link LegacyAdoptionMigration} known
 *       when its history shows a database adopted after 1.0.0, so that validation finds it);</li>
 *   <li>a live database of the seed (Python) system, recognised by {@code alembic_version} and no Flyway history, at
 *       one of the {@link LegacyRevision}s and with exactly that revision's schema ({@link LegacySchema}): baseline at
 *       the version naming the revision ({@code 1} for {@value #SEED_ALEMBIC_REVISION}, {@code 1.1} … {@code 1.8}
 *       after it) and migrate on, {@link LegacyAdoptionMigration} first, touching no legacy row or column;</li>
 *   <li>a seed database at a revision not in the chain, or whose schema does not match its revision: refuse to
 *       start, naming what differs, before anything is written.</li>
 * </ul>
 * Baselining is never switched on globally: a non-empty database that is neither ours nor the seed's makes
 * Flyway stop with its own "non-empty schema without schema history" error rather than being adopted by accident.
 */
public final class SeedAdoption {

    public static final String SEED_ALEMBIC_REVISION = "a8e2b505fe67";
    private static final Logger LOG = Logger.getLogger(SeedAdoption.class);

    public enum State {
        FRESH_OR_MANAGED,
        SEED_DATABASE
    }

    private SeedAdoption() {}

    /** Inspects the database and adjusts the configuration; returns what it found. */
    public static State configure(FluentConfiguration configuration) {
        String schema = schemaOf(configuration);
        DataSource dataSource = configuration.getDataSource();
        if (dataSource == null) {
            return State.FRESH_OR_MANAGED;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (tableExists(connection, schema, "flyway_schema_history")) {
                if (adoptedAfterSchema100(connection, schema)) {
                    configuration.javaMigrations(new LegacyAdoptionMigration());
                }
                return State.FRESH_OR_MANAGED;
            }
            if (!tableExists(connection, schema, "alembic_version")) {
                return State.FRESH_OR_MANAGED;
            }
            LegacyRevision revision = recognise(connection, schema);
            LOG.infof(
                    "Database holds the seed schema at alembic revision %s and no Flyway history: "
                            + "baselining at version %s and migrating on",
                    revision.alembicRevision(), revision.baselineVersion());
            configuration
                    .baselineOnMigrate(true)
                    .baselineVersion(revision.baselineVersion())
                    .baselineDescription(revision.baselineDescription());
            if (revision.needsAdoptionMigration()) {
                configuration.javaMigrations(new LegacyAdoptionMigration());
            }
            return State.SEED_DATABASE;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect the database before migrating it: " + e.getMessage(), e);
        }
    }

    /** The revision the database stands at, when its schema is that revision's; otherwise a refusal naming why. */
    static LegacyRevision recognise(Connection connection, String schema) throws SQLException {
        String found = alembicRevision(connection, schema);
        LegacyRevision revision = LegacyRevision.of(found)
                .orElseThrow(
                        () -> new IllegalStateException("The database holds a Tentabo seed schema at Alembic revision '"
                                + found + "', which is not in the chain " + "this version adopts ("
                                + LegacyRevision.chain() + "). Nothing was changed."));
        List<String> differences = LegacySchema.differences(revision, LegacySchema.factsOf(connection, schema));
        if (!differences.isEmpty()) {
            throw new IllegalStateException("The database says it stands at Alembic revision " + found
                    + ", but its schema is not that revision's: " + LegacySchema.describe(differences)
                    + ". Nothing was changed; restore the schema of that revision (or a backup) and start again.");
        }
        return revision;
    }

    private static boolean adoptedAfterSchema100(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT version FROM " + quoted(schema) + ".flyway_schema_history WHERE type = 'BASELINE'")) {
            while (rs.next()) {
                if (LegacyRevision.isAdoptionBaseline(rs.getString(1))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String schemaOf(FluentConfiguration configuration) {
        String[] schemas = configuration.getSchemas();
        return schemas != null && schemas.length > 0 ? schemas[0] : "public";
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static String quoted(String schema) {
        return "\"" + schema.replace("\"", "") + "\"";
    }

    private static String alembicRevision(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT version_num FROM " + quoted(schema) + ".alembic_version")) {
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
