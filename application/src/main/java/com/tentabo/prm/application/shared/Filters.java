package com.tentabo.prm.application.shared;

import com.tentabo.prm.domain.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Checks of list filters given as query parameters: a filter that cannot match anything stored is a 400. */
public final class Filters {

    private Filters() {}

    /** An exact-match text filter, blank meaning "any"; longer than its column can hold is a 400. */
    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw DomainException.invalid(name, "must be at most " + max + " characters");
        }
        return value;
    }

    /** A time window {@code [since, until)}: each bound optional, {@code until} after {@code since}. */
    public static void window(Instant since, Instant until) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw DomainException.invalid("until", "must be after since");
        }
    }

    /**
     * A span of whole days in UTC, each bound optional: instants from {@code from} (inclusive) to {@code before}
     * (exclusive). {@link #ANY} when neither is given.
     */
    public record Days(Instant from, Instant before) {
        public static final Days ANY = new Days(null, null);

        public boolean any() {
            return from == null && before == null;
        }

        /** Whether the instant lies in the span; a null instant only in a span without bounds. */
        public boolean contains(Instant at) {
            if (at == null) {
                return any();
            }
            return (from == null || !at.isBefore(from)) && (before == null || at.isBefore(before));
        }
    }

    /** Earliest and latest days a date filter accepts: years 0001 to 9999, which every column can hold. */
    static final LocalDate MIN_DAY = LocalDate.of(1, 1, 1);

    static final LocalDate MAX_DAY = LocalDate.of(9999, 12, 30);

    /**
     * The days from {@code first} to {@code last}, both inclusive and each optional; {@code last} before {@code first}
     * is a 400 naming {@code lastName}, a day outside the years 0001–9999 a 400 naming its field.
     */
    public static Days days(String firstName, LocalDate first, String lastName, LocalDate last) {
        inRange(firstName, first);
        inRange(lastName, last);
        if (first != null && last != null && last.isBefore(first)) {
            throw DomainException.invalid(lastName, "must not be before " + firstName);
        }
        return new Days(
                first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last == null
                        ? null
                        : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static void inRange(String name, LocalDate day) {
        if (day != null && (day.isBefore(MIN_DAY) || day.isAfter(MAX_DAY))) {
            throw DomainException.invalid(name, "must be between the years 0001 and 9999");
        }
    }
}
