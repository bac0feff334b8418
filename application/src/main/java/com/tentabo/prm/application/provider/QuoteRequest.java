package com.tentabo.prm.application.provider;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A sent order, as a billing provider needs it to issue a quote: one line per price band (PRICING.md), amounts
 * exact. {@code orderId} is the idempotency reference: asking twice for the same order must give the same quote.
 * {@code net} of a line is the PRM's own amount after discount and before tax; {@code subtotal},
 * {@code discountAmount}, {@code taxAmount} and {@code totalAmount} are the order's totals.
 */
public record QuoteRequest(UUID orderId, String orderNumber, String currency, BigDecimal taxRate,
                           BillingCustomer customer, List<Line> lines, BigDecimal subtotal, BigDecimal discountAmount,
                           BigDecimal taxAmount, BigDecimal totalAmount) {

    public QuoteRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(taxRate, "taxRate");
        Objects.requireNonNull(customer, "customer");
        lines = List.copyOf(lines);
    }

    /** One billed line: {@code unitPrice} is the price of one unit for the whole term, before the discount. */
    public record Line(UUID productId, String label, String unit, int quantity, BigDecimal unitPrice,
                       BigDecimal discountPercentage, BigDecimal net) {
        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(discountPercentage, "discountPercentage");
            Objects.requireNonNull(net, "net");
        }
    }
}
