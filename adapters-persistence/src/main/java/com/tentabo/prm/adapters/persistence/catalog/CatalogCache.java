package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pricing rows (products with their tiers, durations) last read, stamped with the {@code catalog_revision} they
 * were read at. Database triggers move that revision with every committed change to the three tables, whoever makes
 * it, so rows are served from memory only while the revision a caller has just read in its own round trip is the one
 * they were stamped with: a change made on another instance, or with psql, is seen by the next request.
 * <p>
 * The revision is always read before the rows it stamps, so rows can only be stamped older than they are (a needless
 * re-read later), never newer. Ids that were not found are not remembered; at most {@value #MAX_ENTRIES} products and
 * as many durations are kept (beyond that, rows are read from the database every time).
 */
@ApplicationScoped
public class CatalogCache {

    static final int MAX_ENTRIES = 10_000;

    /** Reads the current revision; the statement a caller can send with others in one round trip. */
    public static final String REVISION_SQL = "SELECT revision FROM catalog_revision";

    private record Snapshot(long revision, Map<ProductId, Product> products, Map<DurationId, Duration> durations) {}

    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(-1, Map.of(), Map.of()));

    /**
     * The rows of every id asked for, when all of them are remembered at {@code revision}; otherwise null (read them
     * from the database and {@link #remember} them).
     */
    public PricingCatalogDirectory.Rows lookup(
            long revision, Collection<ProductId> productIds, Collection<DurationId> durationIds) {
        Snapshot snapshot = current.get();
        if (snapshot.revision() != revision) {
            return null;
        }
        Map<ProductId, Product> products = pick(snapshot.products(), productIds);
        Map<DurationId, Duration> durations = products == null ? null : pick(snapshot.durations(), durationIds);
        return durations == null ? null : new PricingCatalogDirectory.Rows(products, durations);
    }

    /** Remembers rows read after {@code revision} was read; rows of an older revision than the one held are dropped. */
    public void remember(long revision, PricingCatalogDirectory.Rows rows) {
        current.updateAndGet(held -> {
            if (revision < held.revision()) {
                return held;
            }
            boolean same = revision == held.revision();
            Map<ProductId, Product> products = new HashMap<>(same ? held.products() : Map.of());
            Map<DurationId, Duration> durations = new HashMap<>(same ? held.durations() : Map.of());
            if (products.size() + rows.products().size() <= MAX_ENTRIES) {
                products.putAll(rows.products());
            }
            if (durations.size() + rows.durations().size() <= MAX_ENTRIES) {
                durations.putAll(rows.durations());
            }
            return new Snapshot(revision, Map.copyOf(products), Map.copyOf(durations));
        });
    }

    /** The rows of the ids, through the cache: one round trip for the revision, a second only when rows are missing. */
    public PricingCatalogDirectory.Rows read(
            Connection connection, Collection<ProductId> productIds, Collection<DurationId> durationIds)
            throws SQLException {
        long revision;
        try (PreparedStatement st = connection.prepareStatement(REVISION_SQL);
                ResultSet rs = st.executeQuery()) {
            revision = revision(rs);
        }
        return rowsAt(connection, revision, productIds, durationIds);
    }

    /** The rows of the ids at {@code revision} (just read by the caller): from memory, or read and remembered. */
    public PricingCatalogDirectory.Rows rowsAt(
            Connection connection, long revision, Collection<ProductId> productIds, Collection<DurationId> durationIds)
            throws SQLException {
        PricingCatalogDirectory.Rows cached = lookup(revision, productIds, durationIds);
        if (cached != null) {
            return cached;
        }
        PricingCatalogDirectory.Rows rows = CatalogRowsSql.read(connection, productIds, durationIds);
        remember(revision, rows);
        return rows;
    }

    /** The revision in the current row of {@link #REVISION_SQL}'s result. */
    public static long revision(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new SQLException("catalog_revision has no row");
        }
        return rs.getLong(1);
    }

    private static <I, T> Map<I, T> pick(Map<I, T> held, Collection<I> ids) {
        Map<I, T> picked = new HashMap<>();
        for (I id : ids) {
            T row = held.get(id);
            if (row == null) {
                return null;
            }
            picked.put(id, row);
        }
        return picked;
    }
}
