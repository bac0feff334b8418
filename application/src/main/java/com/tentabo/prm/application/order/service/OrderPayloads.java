package com.tentabo.prm.application.order.service;

import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provider-neutral payloads written to the outbox when an order is sent (amounts as decimal strings). */
final class OrderPayloads {

    private OrderPayloads() {
    }

    /** One billing line per price band, as PRICING.md asks. */
    static Map<String, Object> billingQuote(Order order) {
        Map<String, Object> payload = header(order);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (OrderItem item : order.items()) {
            if (item.bands().isEmpty()) {
                lines.add(line(item, item.quantity(), item.unitPrice().toPlainString(), item.subtotal().toPlainString(),
                        item.total().toPlainString()));
            }
            for (OrderItem.Band band : item.bands()) {
                lines.add(line(item, band.units(), band.termUnitPrice().toPlainString(), band.gross().toPlainString(),
                        band.net().toPlainString()));
            }
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
        payload.put("partner_id", order.tenant().partnerId() == null ? null : order.tenant().partnerId().toString());
        payload.put("distributor_id", order.tenant().distributorId() == null ? null : order.tenant().distributorId().toString());
        payload.put("currency", order.currency());
        payload.put("subtotal", order.totals().subtotal().toPlainString());
        payload.put("discount_amount", order.totals().discountAmount().toPlainString());
        payload.put("tax_rate", order.taxRate().toPlainString());
        payload.put("tax_amount", order.totals().taxAmount().toPlainString());
        payload.put("total_amount", order.totals().totalAmount().toPlainString());
        return payload;
    }

    private static Map<String, Object> line(OrderItem item, int units, String termUnitPrice, String gross, String net) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product_id", item.productId().toString());
        line.put("label", item.productName() + " (" + item.durationMonths() + " months)");
        line.put("unit", item.productUnit());
        line.put("quantity", units);
        line.put("unit_price", termUnitPrice);
        line.put("discount_percentage", item.discountPercentage().toPlainString());
        line.put("gross", gross);
        line.put("net", net);
        return line;
    }
}
