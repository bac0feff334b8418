package com.tentabo.prm.domain.id;

import java.util.Objects;
import java.util.UUID;

/** The identifier of a web console session ({@code console_sessions}); never its token. */
public record ConsoleSessionId(UUID value) implements EntityId {

    public ConsoleSessionId {
        Objects.requireNonNull(value, "ConsoleSessionId");
    }

    /** The id of an optional reference: null for null. */
    public static ConsoleSessionId ofNullable(UUID value) {
        return value == null ? null : new ConsoleSessionId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
