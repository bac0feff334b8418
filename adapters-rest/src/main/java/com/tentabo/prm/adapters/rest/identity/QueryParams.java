package com.tentabo.prm.adapters.rest.identity;

import com.tentabo.prm.domain.shared.DomainException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses query parameters so that a bad value is a 400 naming the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(String parameter, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    static Boolean bool(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw DomainException.invalid(parameter, "must be true or false");
        };
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return 50;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= 200) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw DomainException.invalid("limit", "must be a whole number between 1 and 200");
    }
}
