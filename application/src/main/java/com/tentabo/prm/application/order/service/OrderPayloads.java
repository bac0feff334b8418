package com.tentabo.prm.application.order.service;

import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.domain.order.Order;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provider-neutral payloads written to the outbox when an order is sent (amounts as decimal strings). */
final class OrderPayloads {

    private OrderPayloads() {}

    /** One billing line per price band, as PRICING.md asks (the lines a billing provider is sent). */
    static Map<String, Object> billingQuote(Order order) {
        Map<String, Object> payload = header(order);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (QuoteRequest.Line line : QuoteRequest.linesOf(order)) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(
                    "product_id",
                    line.productId() == null ? null : line.productId().toString());
            map.put("label", line.label());
            map.put("unit", line.unit());
            map.put("quantity", line.quantity());
            map.put("unit_price", line.unitPrice().toPlainString());
            map.put("discount_percentage", line.discountPercentage().toPlainString());
            map.put("gross", line.gross().toPlainString());
            map.put("net", line.net().toPlainString());
            lines.add(map);
        }
        payload.put("lines", lines);
        return payload;
    }

    static Map<String, Object> crmDeal(Order order) {
        Map<String, Object> payload = header(order);
        payload.put("lead_id", order.leadId() == null ? null : order.leadId().toString());
        payload.put("title", "Order " + order.number());
        return payload;
    }

    private static Map<String, Object> header(Order order) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order_id", order.id().toString());
        payload.put("order_number", order.number());
        payload.put(
                "partner_id",
                order.tenant().partnerId() == null
                        ? null
                        : order.tenant().partnerId().toString());
        payload.put(
                "distributor_id",
                order.tenant().distributorId() == null
                        ? null
                        : order.tenant().distributorId().toString());
        payload.put("currency", order.currency().getCurrencyCode());
        payload.put("subtotal", order.totals().subtotal().amount().toPlainString());
        payload.put("discount_amount", order.totals().discountAmount().amount().toPlainString());
        payload.put("tax_rate", order.taxRate().toPlainString());
        payload.put("tax_amount", order.totals().taxAmount().amount().toPlainString());
        payload.put("total_amount", order.totals().totalAmount().amount().toPlainString());
        return payload;
    }
}
