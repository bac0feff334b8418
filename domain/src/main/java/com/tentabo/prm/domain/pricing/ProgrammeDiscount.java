package com.tentabo.prm.domain.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The partner programme's share of a price (docs/pricing.md): the partner level discount {@code p} and, for an order
 * converted from an APPROVED, still protected deal registration, the level's registration bonus {@code b}. Both
 * apply on each band after the duration discount {@code d}; their sum is capped at 100 ({@link #combined}).
 * {@link #NONE} (a partner at no level, staff quoting for no partner) prices exactly as without it.
 */
public record ProgrammeDiscount(Percentage partnerDiscount, Percentage registrationBonus) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final ProgrammeDiscount NONE = new ProgrammeDiscount(Percentage.ZERO, Percentage.ZERO);

    public ProgrammeDiscount {
        Objects.requireNonNull(partnerDiscount, "partnerDiscount");
        Objects.requireNonNull(registrationBonus, "registrationBonus");
    }

    /** {@code p} % and {@code b} % as decimal strings, e.g. {@code of("12.5", "0")}. */
    public static ProgrammeDiscount of(String partnerDiscount, String registrationBonus) {
        return new ProgrammeDiscount(Percentage.of(partnerDiscount), Percentage.of(registrationBonus));
    }

    /** The same level discount without the registration bonus. */
    public ProgrammeDiscount withoutBonus() {
        return new ProgrammeDiscount(partnerDiscount, Percentage.ZERO);
    }

    /** {@code min(p + b, 100)}. */
    public Percentage combined() {
        BigDecimal sum = partnerDiscount.value().add(registrationBonus.value());
        return new Percentage(sum.compareTo(HUNDRED) > 0 ? HUNDRED : sum);
    }

    public boolean isNone() {
        return combined().value().signum() == 0;
    }

    /**
     * The one relative discount equivalent to {@code d} then {@code p + b} on the gross:
     * {@code 100 − (100 − d) × (100 − min(p + b, 100)) / 100}, exact, with at least 2 and at most 4 decimals (what
     * a billing line carries as its relative discount). Without a programme discount it is {@code d} itself.
     */
    public BigDecimal effectiveAfter(BigDecimal durationDiscount) {
        BigDecimal remaining = HUNDRED.subtract(durationDiscount)
                .multiply(combined().complement())
                .movePointLeft(2);
        BigDecimal effective = HUNDRED.subtract(remaining).stripTrailingZeros();
        return effective.scale() < 2 ? effective.setScale(2) : effective;
    }
}
