package com.tentabo.prm.domain.pricing;

import com.tentabo.prm.domain.catalog.TierPeriod;
import java.math.BigDecimal;

/**
 * One band of a priced line: {@code units} units (numbers {@code firstUnit}..{@code lastUnit}) at the tier price
 * {@code tierPrice} per {@code period}, i.e. {@code termUnitPrice} per unit for the whole term (6 decimals).
 * {@code gross − discount = net} always holds.
 */
public record PricedBand(
        int firstUnit,
        int lastUnit,
        int units,
        BigDecimal tierPrice,
        TierPeriod period,
        BigDecimal termUnitPrice,
        Money gross,
        Money discount,
        Money net) {}
