package com.tentabo.prm.domain.catalog;

import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.shared.DomainException;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A subscription duration offered to customers: a number of months and the discount granted for it.
 *
 * <p>Invariants: 1 ≤ months ≤ {@link #MAX_MONTHS}; discount in [0, 100] with 2 decimals; a non-blank name of at
 * most 100 characters. Months are unique across durations (enforced by the database).
 */
public record Duration(UUID id, int months, Percentage discount, String name, Instant createdAt, Instant updatedAt) {

    /** Ten years: longer commitments are refused as absurd. */
    public static final int MAX_MONTHS = 120;

    public Duration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        requireMonths(months);
        name = Product.text("name", name, 100, true);
    }

    /** A duration priced without catalog identity (embedding, tests): {@code months} and a discount. */
    public static Duration of(int months, String discountPercentage) {
        Instant epoch = Instant.EPOCH;
        return new Duration(new UUID(0, months), months, Percentage.of(discountPercentage), months + " months", epoch, epoch);
    }

    public static void requireMonths(int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw DomainException.invalid("months", "must be between 1 and " + MAX_MONTHS);
        }
    }

    public Duration update(int newMonths, Percentage newDiscount, String newName, Instant at) {
        return new Duration(id, newMonths, newDiscount, newName, createdAt, at);
    }
}
