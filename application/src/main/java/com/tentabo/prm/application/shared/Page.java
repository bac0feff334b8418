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

    /** Where a page starts (after the row the cursor names, none for the first page) and how many rows to read. */
    public record Keyset(java.time.Instant cursorAt, java.util.UUID cursorId, int rows) {}

    /**
     * One page of a list read newest first: the requested {@code limit} and {@code cursor} checked ({@link Cursor}),
     * the {@code since}–{@code until} window checked ({@link Filters#window}), then {@code read} asked for one row more
     * than the page after the cursor.
     */
    public static <T> Page<T> read(
            String cursor,
            Integer limit,
            java.time.Instant since,
            java.time.Instant until,
            java.util.function.Function<Keyset, List<T>> read,
            java.util.function.Function<T, java.time.Instant> at,
            java.util.function.Function<T, java.util.UUID> id) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        Filters.window(since, until);
        Keyset keyset =
                after == null ? new Keyset(null, null, size + 1) : new Keyset(after.createdAt(), after.id(), size + 1);
        return ofRows(read.apply(keyset), size, at, id);
    }
}
