package com.tentabo.prm.domain.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The derived amounts of an order (PRICING.md §6): subtotal = Σ line gross, discount = Σ line discount,
 * tax = round2(Σ nets × rate / 100) (one rate per order), total = Σ nets + tax — never rounded separately.
 */
public record OrderTotals(BigDecimal subtotal, BigDecimal discountAmount, BigDecimal taxAmount, BigDecimal totalAmount) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public OrderTotals {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discountAmount, "discountAmount");
        Objects.requireNonNull(taxAmount, "taxAmount");
        Objects.requireNonNull(totalAmount, "totalAmount");
    }

    public static OrderTotals of(List<OrderItem> items, BigDecimal taxRate) {
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        BigDecimal discount = BigDecimal.ZERO.setScale(2);
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        for (OrderItem item : items) {
            gross = gross.add(item.subtotal());
            discount = discount.add(item.discountAmount());
            net = net.add(item.total());
        }
        BigDecimal tax = net.multiply(taxRate).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        return new OrderTotals(gross, discount, tax, net.add(tax));
    }
}
