package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.TierPeriod;

import java.math.BigDecimal;
import java.util.List;

/**
 * One priced line: the bands and their sums. {@code unitPrice} and {@code period} are those of the last band (what
 * {@code order_items.unit_price} stores); {@code monthlyRecurring} is {@code round2(net / months)}.
 */
public record PricedLine(PricingMode mode, Quantity quantity, int months, Percentage discountRate, List<PricedBand> bands,
                         Money gross, Money discount, Money net, Money monthlyRecurring) {

    public PricedLine {
        bands = List.copyOf(bands);
    }

    public BigDecimal unitPrice() {
        return bands.get(bands.size() - 1).tierPrice();
    }

    public TierPeriod period() {
        return bands.get(bands.size() - 1).period();
    }
}
