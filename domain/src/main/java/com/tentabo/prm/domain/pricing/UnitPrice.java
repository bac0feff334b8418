package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A price per unit per period, strictly positive, with exactly 4 decimals (NUMERIC(10,4): at most 999999.9999).
 * A value with more than 4 significant decimals is refused rather than silently rounded.
 */
public record UnitPrice(BigDecimal value) {

    public static final BigDecimal MAX = PriceTier.MAX_PRICE;

    public UnitPrice {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw DomainException.invalid("price_per_unit", problem);
        }
        value = value.setScale(4, RoundingMode.UNNECESSARY);
    }

    public static UnitPrice of(String value) {
        return new UnitPrice(new BigDecimal(value));
    }

    /** Why the value cannot be a unit price, or null when it can. */
    public static String problemWith(BigDecimal value) {
        return PriceTier.priceProblem(value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
