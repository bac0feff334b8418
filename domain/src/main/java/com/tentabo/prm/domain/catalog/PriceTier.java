package com.tentabo.prm.domain.catalog;

import com.tentabo.prm.domain.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One price tier: quantities from {@code minQuantity} to {@code maxQuantity} inclusive ({@code null} = no upper
 * bound) cost {@code price} (4 decimals) per unit per {@code period}. The row-level rules of the database hold for every tier,
 * legacy ones included (min ≥ 0, max &gt; min, price &gt; 0); the rules between tiers are those of
 * {@link PriceTierSet}.
 */
public record PriceTier(int minQuantity, Integer maxQuantity, BigDecimal price, TierPeriod period) {

    /** The largest price NUMERIC(10,4) holds. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("999999.9999");

    public PriceTier {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(period, "period");
        if (minQuantity < 0) {
            throw DomainException.invalid("min_quantity", "must be 0 or more");
        }
        if (maxQuantity != null && maxQuantity <= minQuantity) {
            throw DomainException.invalid("max_quantity", "must be greater than min_quantity");
        }
        String problem = priceProblem(price);
        if (problem != null) {
            throw DomainException.invalid("price_per_unit", problem);
        }
        price = price.setScale(4, RoundingMode.UNNECESSARY);
    }

    /** Why the value cannot be a tier price (strictly positive, at most 999999.9999, 4 decimals), or null. */
    public static String priceProblem(BigDecimal value) {
        if (value.signum() <= 0) {
            return "must be greater than 0";
        }
        if (value.compareTo(MAX_PRICE) > 0) {
            return "must be at most " + MAX_PRICE.toPlainString();
        }
        if (value.stripTrailingZeros().scale() > 4) {
            return "must have at most 4 decimals";
        }
        return null;
    }

    public static PriceTier of(int min, Integer max, String price, TierPeriod period) {
        return new PriceTier(min, max, new BigDecimal(price), period);
    }

    public boolean isOpenEnded() {
        return maxQuantity == null;
    }

    /** True when the quantity lies within the tier's inclusive bounds. */
    public boolean contains(int quantity) {
        return quantity >= minQuantity && (maxQuantity == null || quantity <= maxQuantity);
    }
}
