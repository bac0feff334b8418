package com.tentabo.prm.domain.shared;

import java.util.Objects;

/** One invalid input value: the field path as the client wrote it (snake_case) and what is wrong with it. */
public record FieldViolation(String field, String message) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
