package com.tentabo.prm.application.shared;

/**
 * The result of a create that honours an {@code Idempotency-Key}: the record, and whether it is the one an earlier
 * request with the same key created ({@code replayed}) rather than a new one.
 */
public record Created<T>(T value, boolean replayed) {

    public static <T> Created<T> created(T value) {
        return new Created<>(value, false);
    }
}
