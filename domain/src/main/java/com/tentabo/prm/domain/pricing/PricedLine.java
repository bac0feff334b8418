package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.TierPeriod;
import java.math.BigDecimal;
import java.util.List;

/**
 * One priced line: the bands and their sums. {@code unitPrice} and {@code period} are those of the last band (what
 * {@code order_items.unit_price} stores); {@code monthlyRecurring} is {@code round2(net / months)}.
 * {@code discountRate} is the duration's discount d, {@code programme} the partner level discount p and registration
 * bonus b applied after it ({@link ProgrammeDiscount#NONE} when none); {@code discount} is everything taken off.
 */
public record PricedLine(
        PricingMode mode,
        Quantity quantity,
        int months,
        Percentage discountRate,
        List<PricedBand> bands,
        Money gross,
        Money discount,
        Money net,
        Money monthlyRecurring,
        ProgrammeDiscount programme) {

    public PricedLine {
        bands = List.copyOf(bands);
        programme = programme == null ? ProgrammeDiscount.NONE : programme;
    }

    /** A line priced without a programme discount. */
    public PricedLine(
            PricingMode mode,
            Quantity quantity,
            int months,
            Percentage discountRate,
            List<PricedBand> bands,
            Money gross,
            Money discount,
            Money net,
            Money monthlyRecurring) {
        this(
                mode,
                quantity,
                months,
                discountRate,
                bands,
                gross,
                discount,
                net,
                monthlyRecurring,
                ProgrammeDiscount.NONE);
    }

    /** The partner level discount p. */
    public Percentage partnerDiscount() {
        return programme.partnerDiscount();
    }

    /** The registration bonus b. */
    public Percentage registrationBonus() {
        return programme.registrationBonus();
    }

    public BigDecimal unitPrice() {
        return bands.get(bands.size() - 1).tierPrice();
    }

    public TierPeriod period() {
        return bands.get(bands.size() - 1).period();
    }
}
