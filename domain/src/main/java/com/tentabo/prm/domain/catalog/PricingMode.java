package com.tentabo.prm.domain.catalog;

/**
 * How a product's tiers price a quantity. {@code VOLUME} (the default): the tier containing the quantity prices
 * every unit. {@code GRADUATED}: each unit is priced by the tier it falls in (one band per tier reached).
 */
public enum PricingMode {
    VOLUME,
    GRADUATED
}
