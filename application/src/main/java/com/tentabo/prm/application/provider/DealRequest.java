package com.tentabo.prm.application.provider;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * A sent order, as a CRM needs it to open a deal. {@code value} is the order's amount before tax (subtotal less
 * discounts). {@code organizationName} is the partner's (or distributor's) name. When the order came from a lead
 * that the same CRM created, {@code leadProviderId} is that lead's id in the CRM, else null. {@code orderId} is the
 * idempotency reference: asking twice for the same order must give the same deal.
 */
public record DealRequest(
        UUID orderId,
        String orderNumber,
        String title,
        BigDecimal value,
        String currency,
        String organizationName,
        String leadProviderId) {
    public DealRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(orderNumber, "orderNumber");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * The deal of an order: titled after its number, worth its subtotal after discount (before tax), for the
     * organization named, linked to the CRM's own lead when the order comes from a lead of that CRM.
     */
    public static DealRequest of(
            com.tentabo.prm.domain.order.Order order, String organizationName, String leadProviderId) {
        return new DealRequest(
                order.id().value(),
                order.number(),
                "Order " + order.number(),
                order.totals().netAmount().amount(),
                order.currency().getCurrencyCode(),
                organizationName,
                leadProviderId);
    }
}
