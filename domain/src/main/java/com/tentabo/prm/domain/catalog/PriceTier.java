package com.tentabo.prm.domain.catalog;

import com.tentabo.prm.domain.pricing.UnitPrice;
import com.tentabo.prm.domain.shared.DomainException;

import java.util.Objects;

/**
 * One price tier: quantities from {@code minQuantity} to {@code maxQuantity} inclusive ({@code null} = no upper
 * bound) cost {@code price} per unit per {@code period}. The row-level rules of the database hold for every tier,
 * legacy ones included (min ≥ 0, max &gt; min, price &gt; 0); the rules between tiers are those of
 * {@link PriceTierSet}.
 */
public record PriceTier(int minQuantity, Integer maxQuantity, UnitPrice price, TierPeriod period) {

    public PriceTier {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(period, "period");
        if (minQuantity < 0) {
            throw DomainException.invalid("min_quantity", "must be 0 or more");
        }
        if (maxQuantity != null && maxQuantity <= minQuantity) {
            throw DomainException.invalid("max_quantity", "must be greater than min_quantity");
        }
    }

    public static PriceTier of(int min, Integer max, String price, TierPeriod period) {
        return new PriceTier(min, max, UnitPrice.of(price), period);
    }

    public boolean isOpenEnded() {
        return maxQuantity == null;
    }

    /** True when the quantity lies within the tier's inclusive bounds. */
    public boolean contains(int quantity) {
        return quantity >= minQuantity && (maxQuantity == null || quantity <= maxQuantity);
    }
}
