package com.tentabo.prm.adapters.rest.shared;

import com.tentabo.prm.domain.shared.DomainException;
import java.util.UUID;

/**
 * Parses ids taken from paths and query strings. A malformed UUID is a 400 naming the parameter (JAX-RS would
 * answer a bare 404 for a path parameter it cannot convert).
 */
public final class PathIds {

    private PathIds() {}

    public static UUID uuid(String parameter, String raw) {
        if (raw == null || raw.length() != 36) {
            throw DomainException.invalid(parameter, "must be a UUID");
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(parameter, "must be a UUID");
        }
    }

    public static UUID optionalUuid(String parameter, String raw) {
        return raw == null || raw.isBlank() ? null : uuid(parameter, raw);
    }
}
