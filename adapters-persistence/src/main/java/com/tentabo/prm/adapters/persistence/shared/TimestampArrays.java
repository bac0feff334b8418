package com.tentabo.prm.adapters.persistence.shared;

import java.time.Instant;

/**
 * An instant as an element of a {@code timestamptz[]} parameter ({@code Connection.createArrayOf("timestamptz", …)}):
 * its ISO-8601 text in UTC, such as {@code 2026-10-25T00:30:00Z}.
 *
 * <p>Not a {@link java.sql.Timestamp}: the driver writes an array's elements as their {@code toString()}, which for a
 * {@code Timestamp} is the wall-clock time of the JVM's zone without its offset, read back in the session's zone. In a
 * zone with daylight saving time the hour repeated when clocks go back is then ambiguous, and an instant in its first
 * pass was stored an hour late. The UTC text names one instant whatever the zones; it also costs less to write.
 */
public final class TimestampArrays {

    private TimestampArrays() {}

    /** The element for {@code at}; null stays null (SQL {@code NULL}). */
    public static String element(Instant at) {
        return at == null ? null : at.toString();
    }
}
