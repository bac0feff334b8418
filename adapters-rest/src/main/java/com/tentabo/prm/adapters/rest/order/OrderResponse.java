package com.tentabo.prm.adapters.rest.order;

import com.tentabo.prm.domain.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An order as the API shows it: amounts as decimal strings, items with their band breakdown, and where its quote and
 * deal went once the outbox delivered them ({@code billing_provider}, {@code billing_quote_id}, {@code crm_provider},
 * {@code crm_deal_id}; null before). Those four are not part of the version: their arrival does not change the ETag.
 */
public record OrderResponse(
        UUID id,
        String orderNumber,
        String status,
        String kind,
        UUID replacesContractId,
        UUID partnerId,
        UUID distributorId,
        UUID leadId,
        UUID createdBy,
        String currency,
        BigDecimal taxRate,
        BigDecimal subtotal,
        BigDecimal discountAmount,
        BigDecimal taxAmount,
        BigDecimal totalAmount,
        List<Item> items,
        Instant createdAt,
        Instant updatedAt,
        Instant sentAt,
        Instant fulfilledAt,
        Instant cancelledAt,
        long version,
        String billingProvider,
        String billingQuoteId,
        String crmProvider,
        String crmDealId,
        BillingQuote billingQuote) {

    /**
     * What the billing provider says of the quote (null before it is issued): its status there, number and totals,
     * and whether its amount before tax is the order's ({@code totals_match}; when false, {@code prm_amount_before_tax}
     * is the order's). Kept up to date by the quote status poller and the provider's webhooks.
     */
    public record BillingQuote(
            String status,
            String quoteNumber,
            BigDecimal amountBeforeTax,
            BigDecimal amount,
            Boolean totalsMatch,
            BigDecimal prmAmountBeforeTax,
            String statusSyncedAt) {}

    @Schema(name = "OrderItem")
    public record Item(
            UUID id,
            UUID productId,
            UUID durationId,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercentage,
            BigDecimal subtotal,
            BigDecimal discountAmount,
            BigDecimal total,
            String productName,
            String productType,
            String productUnit,
            int durationMonths,
            List<Band> bands,
            BigDecimal partnerDiscountPercentage,
            BigDecimal registrationBonusPercentage) {}

    public record Band(
            int units,
            BigDecimal tierPrice,
            String period,
            BigDecimal termUnitPrice,
            BigDecimal gross,
            BigDecimal net) {}

    /**
     * 201 for an order created by a request (placed, converted from a lead, or a renewal): {@code Location}, the
     * version as {@code ETag}, and {@code Idempotent-Replayed: true} when it is the order a first request created.
     */
    public static jakarta.ws.rs.core.Response created(com.tentabo.prm.application.shared.Created<Order> created) {
        Order order = created.value();
        return com.tentabo.prm.adapters.rest.shared.IdempotencyKeys.created(
                        java.net.URI.create("/api/v1/orders/" + order.id()), created, from(order))
                .tag(String.valueOf(order.version()))
                .build();
    }

    public static OrderResponse from(Order o) {
        return OrderResponseMapper.INSTANCE.toResponse(o);
    }
}
