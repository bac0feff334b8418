package com.tentabo.prm.adapters.persistence.shared;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/** Runs a read-only SQL query with positional parameters on the current transaction's connection. */
public final class SqlRows {

    /** Reads one row of a result set (the cursor is on it). */
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private SqlRows() {}

    public static <T> List<T> query(EntityManager em, String sql, List<?> params, Row<T> row) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.read(rs));
                    }
                }
                return rows;
            }
        });
    }

    /** A {@code timestamptz} column as an instant, or null. */
    public static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /**
     * Waits for, then holds until the transaction ends, a PostgreSQL advisory lock named by {@code key}: what
     * serialises work on a pair the schema has no unique index for (a webhook's event id, a CRM's lead id) or a
     * decision taken across rows (one active provider per type). Name keys by what they guard
     * ({@code "webhook_events:<provider>/<event id>"}), so that locks of different things never meet.
     */
    public static void lockForTransaction(EntityManager em, String key) {
        query(em, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", List.of(key), rs -> Boolean.TRUE);
    }
}
