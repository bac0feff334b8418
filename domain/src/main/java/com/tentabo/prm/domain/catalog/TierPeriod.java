package com.tentabo.prm.domain.catalog;

import com.tentabo.prm.domain.shared.DomainException;
import java.util.Locale;

/** The period a tier price is quoted for: per unit per month or per unit per year (seed labels {@code month|year}). */
public enum TierPeriod {
    MONTH(1),
    YEAR(12);

    private final int months;

    TierPeriod(int months) {
        this.months = months;
    }

    /** {@code P} of the pricing rules: 1 for a monthly price, 12 for a yearly price. */
    public int months() {
        return months;
    }

    /** The seed's label ({@code month}, {@code year}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TierPeriod fromLabel(String label) {
        if (label != null) {
            for (TierPeriod p : values()) {
                if (p.name().equalsIgnoreCase(label.trim())) {
                    return p;
                }
            }
        }
        throw DomainException.invalid("period", "must be month or year");
    }
}
