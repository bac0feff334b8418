package com.tentabo.prm.adapters.persistence.shared;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A filtered list read newest first with a keyset cursor, in plain SQL: optional equality filters, a time window
 * {@code [since, until)}, the rows after the cursor's (time, id), ordered by (time, id) descending.
 */
public final class KeysetSql {

    private final StringBuilder sql;
    private final List<Object> params = new ArrayList<>();
    private final String timeColumn;
    private final String idColumn;

    /** @param select the {@code SELECT … FROM …} part, without a WHERE clause */
    public KeysetSql(String select, String timeColumn, String idColumn) {
        this.sql = new StringBuilder(select).append(" WHERE true");
        this.timeColumn = timeColumn;
        this.idColumn = idColumn;
    }

    /** {@code column = value}, unless the value is null (no filter). */
    public KeysetSql eq(String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
        return this;
    }

    public KeysetSql window(Instant since, Instant until) {
        if (since != null) {
            sql.append(" AND ").append(timeColumn).append(" >= ?");
            params.add(Timestamp.from(since));
        }
        if (until != null) {
            sql.append(" AND ").append(timeColumn).append(" < ?");
            params.add(Timestamp.from(until));
        }
        return this;
    }

    /** The rows after the last one of the previous page, if there is a cursor. */
    public KeysetSql after(Instant at, UUID id) {
        if (at != null && id != null) {
            sql.append(" AND (")
                    .append(timeColumn)
                    .append(", ")
                    .append(idColumn)
                    .append(") < (?, ?)");
            params.add(Timestamp.from(at));
            params.add(id);
        }
        return this;
    }

    public <T> List<T> newestFirst(EntityManager em, int limit, SqlRows.Row<T> row) {
        return SqlRows.query(em, newestFirst(limit), params, row);
    }

    /** The statement: the filters, ordered newest first, at most {@code limit} rows; its parameters are {@link #params}. */
    public String newestFirst(int limit) {
        return sql + " ORDER BY " + timeColumn + " DESC, " + idColumn + " DESC LIMIT " + limit;
    }

    public List<Object> params() {
        return List.copyOf(params);
    }
}
