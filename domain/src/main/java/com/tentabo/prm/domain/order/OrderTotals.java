package com.tentabo.prm.domain.order;

import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.pricing.VatAmount;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The derived amounts of an order (docs/pricing.md §6), in the order's currency: subtotal = Σ line gross, discount =
 * Σ line discount, tax = round2(Σ nets × rate / 100) (one rate per order, {@link VatAmount#of}), total = Σ nets + tax
 * — never rounded separately.
 */
public record OrderTotals(Money subtotal, Money discountAmount, Money taxAmount, Money totalAmount) {

    public OrderTotals {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discountAmount, "discountAmount");
        Objects.requireNonNull(taxAmount, "taxAmount");
        Objects.requireNonNull(totalAmount, "totalAmount");
    }

    /** The amount before tax: subtotal − discount (Σ line nets), what a CRM deal is worth. */
    public Money netAmount() {
        return subtotal.minus(discountAmount);
    }

    /** The totals of the items at the VAT rate; every item is in {@code currency}. */
    public static OrderTotals of(List<OrderItem> items, Percentage taxRate, Currency currency) {
        Money gross = Money.zero(currency);
        Money discount = gross;
        Money net = gross;
        for (OrderItem item : items) {
            gross = gross.plus(item.subtotal());
            discount = discount.plus(item.discountAmount());
            net = net.plus(item.total());
        }
        Money tax = VatAmount.of(taxRate, net).amount();
        return new OrderTotals(gross, discount, tax, net.plus(tax));
    }
}
