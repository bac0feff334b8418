package com.tentabo.prm.domain.pricing;

import java.math.RoundingMode;

/**
 * The VAT of one rate on a document: {@code round2(base × rate / 100)} (HALF_UP) where base is the sum of the nets at
 * that rate. {@link #of} is the one place VAT is computed: the pricing engine's documents and the order totals both
 * call it.
 */
public record VatAmount(Percentage rate, Money base, Money amount) {

    /** The VAT at {@code rate} on {@code base}: {@code round2(base × rate / 100)}, HALF_UP. */
    public static VatAmount of(Percentage rate, Money base) {
        return new VatAmount(
                rate,
                base,
                new Money(
                        base.amount().multiply(rate.value()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP),
                        base.currency()));
    }
}
