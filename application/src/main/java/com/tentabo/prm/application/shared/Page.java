package com.tentabo.prm.application.shared;

import java.util.List;

/** One page of a keyset-paginated list: the items and the opaque cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of a list read with one row more than {@code limit} (newest first): the first {@code limit} rows, and
     * the cursor after the last of them when there was a row more.
     */
    public static <T> Page<T> ofRows(
            List<T> rows,
            int limit,
            java.util.function.Function<T, java.time.Instant> at,
            java.util.function.Function<T, java.util.UUID> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        T last = rows.get(limit - 1);
        return new Page<>(rows.subList(0, limit), Cursor.after(at.apply(last), id.apply(last)));
    }
}
