package com.tentabo.prm.application.fakes;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/** Orderings the fakes share with PostgreSQL: a {@code uuid} compares as its bytes (its text), not as Java's signed longs. */
public final class Keys {

    private Keys() {}

    public static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);

    /** Newest first, ties broken by id descending: the (created_at desc, id desc) of the keyset lists. */
    public static <T> Comparator<T> newestFirst(Function<T, Instant> at, Function<T, UUID> id) {
        return Comparator.comparing(at).thenComparing(id, UUID_ORDER).reversed();
    }

    /** True when the row comes after the cursor (at, id) in a newest-first list. */
    public static boolean before(Instant rowAt, UUID rowId, Instant cursorAt, UUID cursorId) {
        int c = rowAt.compareTo(cursorAt);
        return c < 0 || c == 0 && UUID_ORDER.compare(rowId, cursorId) < 0;
    }
}
