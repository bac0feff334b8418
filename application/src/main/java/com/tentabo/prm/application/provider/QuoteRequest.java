package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sent order, as a billing provider needs it to issue a quote: one line per price band (PRICING.md), amounts
 * exact. {@code orderId} is the idempotency reference: asking twice for the same order must give the same quote.
 * {@code net} of a line is the PRM's own amount after discount and before tax; {@code subtotal},
 * {@code discountAmount}, {@code taxAmount} and {@code totalAmount} are the order's totals.
 */
public record QuoteRequest(
        OrderId orderId,
        String orderNumber,
        String currency,
        BigDecimal taxRate,
        BillingCustomer customer,
        List<Line> lines,
        BigDecimal subtotal,
        BigDecimal discountAmount,
        BigDecimal taxAmount,
        BigDecimal totalAmount) {

    public QuoteRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(customer, "customer");
        lines = List.copyOf(lines);
    }

    /** The quote of an order, addressed to {@code customer}: its billed lines and its totals. */
    public static QuoteRequest of(Order order, BillingCustomer customer) {
        return new QuoteRequest(
                order.id(),
                order.number(),
                order.currency().getCurrencyCode(),
                order.taxRate(),
                customer,
                linesOf(order),
                order.totals().subtotal().amount(),
                order.totals().discountAmount().amount(),
                order.totals().taxAmount().amount(),
                order.totals().totalAmount().amount());
    }

    /**
     * The billed lines of an order: one per price band of each item (PRICING.md), or one for an item priced without
     * bands (a legacy row). The unit price is the band's price of one unit for the whole term; the discount is the
     * one relative discount of the line: the duration's d, then the partner programme's p + b (docs/pricing.md).
     */
    public static List<Line> linesOf(Order order) {
        List<Line> lines = new ArrayList<>();
        for (OrderItem item : order.items()) {
            String label = item.productName() + " (" + item.durationMonths() + " months)";
            if (item.bands().isEmpty()) {
                lines.add(new Line(
                        item.productId(),
                        label,
                        item.productUnit(),
                        item.quantity(),
                        item.unitPrice(),
                        item.effectiveDiscountPercentage(),
                        item.subtotal().amount(),
                        item.total().amount()));
            }
            for (OrderItem.Band band : item.bands()) {
                lines.add(new Line(
                        item.productId(),
                        label,
                        item.productUnit(),
                        band.units(),
                        band.termUnitPrice(),
                        item.effectiveDiscountPercentage(),
                        band.gross(),
                        band.net()));
            }
        }
        return lines;
    }

    /**
     * One billed line: {@code unitPrice} is the price of one unit for the whole term; {@code gross} is the line
     * before the discount and {@code net} after it, both as the PRM computed them.
     */
    public record Line(
            ProductId productId,
            String label,
            String unit,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercentage,
            BigDecimal gross,
            BigDecimal net) {
        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(discountPercentage, "discountPercentage");
            Objects.requireNonNull(gross, "gross");
            Objects.requireNonNull(net, "net");
        }
    }
}
