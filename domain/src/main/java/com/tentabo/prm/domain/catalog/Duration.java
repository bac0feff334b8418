package com.tentabo.prm.domain.catalog;

import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.StoredRows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A subscription duration offered to customers: a number of months and the discount granted for it.
 *
 * <p>Invariants: months ≥ 1 (a new or changed duration is at most {@link #MAX_MONTHS}, checked by
 * {@link #requireMonths}; longer legacy rows still load and price); discount in [0, 100] with 2 decimals; a non-blank name of at
 * most 100 characters, trimmed, except for a row read as {@link #stored} (the name is a label: kept as stored, even
 * blank). Months are unique across durations (enforced by the database).
 */
public record Duration(
        DurationId id, int months, BigDecimal discountPercentage, String name, Instant createdAt, Instant updatedAt) {

    /** Ten years: longer commitments are refused as absurd. */
    public static final int MAX_MONTHS = 120;

    public Duration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(discountPercentage, "discountPercentage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (months < 1) {
            throw DomainException.invalid("months", "must be at least 1");
        }
        if (!StoredRows.reading()) {
            name = Product.text("name", name, 100, true);
        }
        String problem = discountProblem(discountPercentage);
        if (problem != null) {
            throw DomainException.invalid("discount_percentage", problem);
        }
        discountPercentage = discountPercentage.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A duration as stored: a blank or untrimmed name loads as it is; months and discount are the schema's. */
    public static Duration stored(
            DurationId id,
            int months,
            BigDecimal discountPercentage,
            String name,
            Instant createdAt,
            Instant updatedAt) {
        return StoredRows.build(() -> new Duration(id, months, discountPercentage, name, createdAt, updatedAt));
    }

    /** Why the value cannot be a discount (0 to 100, 2 decimals), or null. */
    public static String discountProblem(BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            return "must be between 0 and 100";
        }
        if (value.stripTrailingZeros().scale() > 2) {
            return "must have at most 2 decimals";
        }
        return null;
    }

    /** A duration priced without catalog identity (embedding, tests): {@code months} and a discount. */
    public static Duration of(int months, String discountPercentage) {
        Instant epoch = Instant.EPOCH;
        requireMonths(months);
        return new Duration(
                new DurationId(new UUID(0, months)),
                months,
                new BigDecimal(discountPercentage),
                months + " months",
                epoch,
                epoch);
    }

    /** The write rule: 1 to {@link #MAX_MONTHS} months. */
    public static void requireMonths(int months) {
        if (months < 1 || months > MAX_MONTHS) {
            throw DomainException.invalid("months", "must be between 1 and " + MAX_MONTHS);
        }
    }

    public Duration update(int newMonths, BigDecimal newDiscount, String newName, Instant at) {
        return new Duration(id, newMonths, newDiscount, newName, createdAt, at);
    }
}
