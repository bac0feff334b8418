package com.tentabo.prm.adapters.persistence.shared;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs a read-only SQL query with positional parameters on the current transaction's connection. */
public final class SqlRows {

    /** Reads one row of a result set (the cursor is on it). */
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private SqlRows() {
    }

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
}
