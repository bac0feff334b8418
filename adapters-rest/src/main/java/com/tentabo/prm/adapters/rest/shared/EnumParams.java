package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.domain.shared.DomainException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads enum values from query parameters and bodies in any case; an unknown value is a 400 naming the field. */
public final class EnumParams {

    private EnumParams() {}

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(
                    field,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** Several values, repeated ({@code ?status=a&status=b}) or comma-separated; empty for none. */
    public static <E extends Enum<E>> Set<E> parseAll(Class<E> type, String field, List<String> raw) {
        Set<E> values = EnumSet.noneOf(type);
        if (raw != null) {
            raw.stream()
                    .flatMap(v -> Arrays.stream(v.split(",")))
                    .filter(v -> !v.isBlank())
                    .forEach(v -> values.add(parse(type, field, v)));
        }
        return values;
    }
}
