package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** A percentage from 0 to 100 with exactly 2 decimals (NUMERIC(5,2)): a discount or a VAT rate. */
public record Percentage(BigDecimal value) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final Percentage ZERO = new Percentage(BigDecimal.ZERO);

    public Percentage {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw DomainException.invalid("percentage", problem);
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Percentage of(String value) {
        return new Percentage(new BigDecimal(value));
    }

    /** Why the value cannot be a percentage, or null when it can. */
    public static String problemWith(BigDecimal value) {
        return com.tentabo.prm.domain.catalog.Duration.discountProblem(value);
    }

    /** {@code 100 - this}, for "the part that remains after the discount". */
    public BigDecimal complement() {
        return HUNDRED.subtract(value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
