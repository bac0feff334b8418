package com.tentabo.prm.application.shared;

import com.tentabo.prm.domain.shared.DomainException;

import java.time.Instant;

/** Checks of list filters given as query parameters: a filter that cannot match anything stored is a 400. */
public final class Filters {

    private Filters() {
    }

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
}
