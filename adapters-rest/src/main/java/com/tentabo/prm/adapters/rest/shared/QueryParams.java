package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.domain.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses query parameters taken as strings, so that a malformed value is a 400 naming the parameter (JAX-RS
 * would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {}

    public static Integer integer(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, "must be a whole number");
        }
    }

    public static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw DomainException.invalid(name, "must be true or false");
        };
    }

    /** Earliest and latest instants a filter accepts: years 0001 to 9999, which every column can hold. */
    static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** An ISO-8601 instant ({@code 2026-03-01T00:00:00Z}) or date ({@code 2026-03-01}, midnight UTC), years 0001–9999. */
    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        Instant instant;
        try {
            instant = text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "must be an ISO-8601 date or timestamp");
        }
        if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
            throw DomainException.invalid(name, "must be between the years 0001 and 9999");
        }
        return instant;
    }

    /** A day as {@code yyyy-mm-dd}; null when absent. Whether it lies in a range the use case checks. */
    public static LocalDate day(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        try {
            if (text.length() != 10) {
                throw DomainException.invalid(name, "must be a date (yyyy-mm-dd)");
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "must be a date (yyyy-mm-dd)");
        }
    }

    /** One enum value, any case; null when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        List<E> values = enums(name, List.of(raw.strip()), type);
        if (values.size() != 1) {
            throw DomainException.invalid(name, "must be one value");
        }
        return values.get(0);
    }

    /** The page size of a list: a whole number from 1 to 200, 50 when absent ({@link Cursor#limit}). */
    public static int limit(String raw) {
        try {
            return Cursor.limit(raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip()));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(
                    "limit", "must be a whole number between " + Cursor.MIN_LIMIT + " and " + Cursor.MAX_LIMIT);
        }
    }

    /** Enum values from repeated and/or comma-separated parameters, any case. */
    public static <E extends Enum<E>> List<E> enums(String name, List<String> raw, Class<E> type) {
        List<E> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String item : raw) {
            for (String part : item.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    values.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid(
                            name,
                            "must be one of "
                                    + Arrays.stream(type.getEnumConstants())
                                            .map(c -> c.name().toLowerCase(Locale.ROOT))
                                            .toList());
                }
            }
        }
        return values;
    }
}
