package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.shared.DomainException;

/**
 * A number of whole units per period, from 1 to {@link #MAX}. Larger quantities are refused as absurd: no
 * subscription product is sold by the hundred million, and the stored amounts (NUMERIC(12,2)) could not hold them.
 */
public record Quantity(int value) {

    public static final int MAX = 10_000_000;

    public Quantity {
        if (value < 1) {
            throw DomainException.invalid("quantity", "must be at least 1");
        }
        if (value > MAX) {
            throw DomainException.invalid("quantity", "must be at most " + MAX);
        }
    }

    public static Quantity of(int value) {
        return new Quantity(value);
    }
}
