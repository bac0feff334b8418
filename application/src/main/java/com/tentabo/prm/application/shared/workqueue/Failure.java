package com.tentabo.prm.application.shared.workqueue;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Why an attempt failed, whether a later one may succeed, and how long the other side asked to wait. */
public record Failure(String error, boolean retryable, Optional<Duration> retryAfter) {

    public Failure {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A failure no later attempt gets over: the item is given up at once. */
    public static Failure permanent(String error) {
        return new Failure(error, false, Optional.empty());
    }

    static Failure of(ItemFailure failure) {
        return new Failure(failure.getMessage(), failure.isRetryable(), failure.retryAfter());
    }

    /** A defect or the database failing mid-attempt: kept for a person, retried like a network error. */
    static Failure unexpected(RuntimeException e) {
        return new Failure("unexpected error: " + e.getClass().getSimpleName(), true, Optional.empty());
    }

    /** An error as kept with an item: at most 1000 characters. */
    public static String text(String error) {
        String text = error == null ? "no message" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000) + "…";
    }
}
