package com.tentabo.prm.adapters.persistence.outbox;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.outbox.OutboxPayload.AccountLink;
import com.tentabo.prm.application.outbox.OutboxPayload.BillingQuoteRequested;
import com.tentabo.prm.application.outbox.OutboxPayload.CrmDealRequested;
import com.tentabo.prm.application.outbox.OutboxPayload.CrmDealStatus;
import com.tentabo.prm.application.outbox.OutboxPayload.CrmLeadUpdated;
import com.tentabo.prm.application.outbox.OutboxPayload.NotificationDigest;
import com.tentabo.prm.application.outbox.OutboxPayload.NotificationEmail;
import com.tentabo.prm.application.outbox.OutboxPayload.OrderFigures;
import com.tentabo.prm.application.outbox.OutboxPayload.Unread;
import com.tentabo.prm.application.outbox.OutboxPayload.WebhookDelivery;
import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON shape of each {@link OutboxPayload} in {@code outbox_events.payload}: snake_case fields, ids and amounts as
 * strings (amounts in plain notation), enums by name; an absent reason is no field at all where the rows have always
 * had none, a null field where they have always had one. The rows written before the payloads were typed have exactly
 * this shape ({@code OutboxPayloadJsonTest} holds them). A row that does not have the shape of its topic is read as
 * {@link Unread}, its JSON text kept.
 */
final class OutboxPayloadJson {

    /**
     * The field that holds a sealed secret (a link's one-time token) only while the event waits: the outbox removes it
     * when the event is delivered, skipped or failed.
     */
    static final String SEALED_TOKEN = "token_sealed";

    private OutboxPayloadJson() {}

    /** The payload as the row stores it (a map whose entries keep the order written here). */
    static Map<String, Object> write(OutboxPayload payload) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (payload instanceof BillingQuoteRequested quote) {
            figures(json, quote.order());
            List<Map<String, Object>> lines = new ArrayList<>();
            quote.lines().forEach(line -> lines.add(line(line)));
            json.put("lines", lines);
        } else if (payload instanceof CrmDealRequested deal) {
            figures(json, deal.order());
            json.put("lead_id", text(deal.leadId()));
            json.put("title", deal.title());
        } else if (payload instanceof CrmLeadUpdated lead) {
            json.put("provider", lead.provider());
            json.put("provider_id", lead.providerId());
            json.put("field", lead.field());
            if (lead.lostReason() != null) {
                json.put("lost_reason", lead.lostReason());
            }
        } else if (payload instanceof CrmDealStatus deal) {
            json.put("status", deal.status().name());
            if (deal.reason() != null) {
                json.put("reason", deal.reason());
            }
        } else if (payload instanceof NotificationEmail email) {
            json.put("event_type", email.eventType());
        } else if (payload instanceof NotificationDigest digest) {
            json.put("recipient_kind", digest.recipientKind().name());
            json.put(
                    "notification_ids",
                    digest.notificationIds().stream()
                            .map(id -> id.value().toString())
                            .toList());
        } else if (payload instanceof WebhookDelivery webhook) {
            json.put("subscription_id", text(webhook.subscriptionId()));
            json.put("event_type", webhook.eventType());
        } else if (payload instanceof AccountLink link) {
            json.put("purpose", link.purpose());
            json.put("recipient_kind", link.recipientKind().name());
            json.put("username", link.username());
            json.put("expires_at", text(link.expiresAt()));
            json.put(SEALED_TOKEN, link.sealedToken());
        } else {
            throw new IllegalArgumentException("a payload this version does not read is never written");
        }
        return json;
    }

    /** The payload of a row of {@code topic}; {@link Unread} when the row does not have the shape of its topic. */
    static OutboxPayload read(String topic, Map<String, Object> json) {
        try {
            return switch (topic) {
                case OutboxMessage.BILLING_QUOTE_REQUESTED ->
                    new BillingQuoteRequested(figures(json), lines(json.get("lines")));
                case OutboxMessage.CRM_DEAL_REQUESTED ->
                    new CrmDealRequested(
                            figures(json), LeadId.ofNullable(uuid(json, "lead_id")), string(json, "title"));
                case OutboxMessage.CRM_LEAD_UPDATED ->
                    new CrmLeadUpdated(
                            string(json, "provider"),
                            string(json, "provider_id"),
                            string(json, "field"),
                            string(json, "lost_reason"));
                case OutboxMessage.CRM_DEAL_STATUS ->
                    new CrmDealStatus(OrderStatus.valueOf(string(json, "status")), string(json, "reason"));
                case OutboxMessage.NOTIFICATION_EMAIL -> new NotificationEmail(string(json, "event_type"));
                case OutboxMessage.NOTIFICATION_DIGEST ->
                    new NotificationDigest(
                            PrincipalKind.valueOf(string(json, "recipient_kind")),
                            ((List<?>) json.get("notification_ids"))
                                    .stream()
                                            .map(id -> new NotificationId(UUID.fromString((String) id)))
                                            .toList());
                case OutboxMessage.WEBHOOK_DELIVERY ->
                    new WebhookDelivery(
                            WebhookSubscriptionId.ofNullable(uuid(json, "subscription_id")),
                            string(json, "event_type"));
                case OutboxMessage.NOTIFICATION_LINK -> {
                    String expires = string(json, "expires_at");
                    yield new AccountLink(
                            string(json, "purpose"),
                            PrincipalKind.valueOf(string(json, "recipient_kind")),
                            string(json, "username"),
                            expires == null ? null : Instant.parse(expires),
                            string(json, SEALED_TOKEN));
                }
                default -> new Unread(JsonText.write(json));
            };
        } catch (RuntimeException notItsShape) {
            return new Unread(JsonText.write(json));
        }
    }

    private static void figures(Map<String, Object> json, OrderFigures order) {
        json.put("order_id", text(order.orderId()));
        json.put("order_number", order.orderNumber());
        json.put("partner_id", text(order.partnerId()));
        json.put("distributor_id", text(order.distributorId()));
        json.put("currency", order.currency());
        json.put("subtotal", amount(order.subtotal()));
        json.put("discount_amount", amount(order.discountAmount()));
        json.put("tax_rate", amount(order.taxRate()));
        json.put("tax_amount", amount(order.taxAmount()));
        json.put("total_amount", amount(order.totalAmount()));
    }

    private static OrderFigures figures(Map<String, Object> json) {
        return new OrderFigures(
                OrderId.ofNullable(uuid(json, "order_id")),
                string(json, "order_number"),
                PartnerId.ofNullable(uuid(json, "partner_id")),
                DistributorId.ofNullable(uuid(json, "distributor_id")),
                string(json, "currency"),
                decimal(json, "subtotal"),
                decimal(json, "discount_amount"),
                decimal(json, "tax_rate"),
                decimal(json, "tax_amount"),
                decimal(json, "total_amount"));
    }

    private static Map<String, Object> line(QuoteRequest.Line line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product_id", text(line.productId()));
        json.put("label", line.label());
        json.put("unit", line.unit());
        json.put("quantity", line.quantity());
        json.put("unit_price", amount(line.unitPrice()));
        json.put("discount_percentage", amount(line.discountPercentage()));
        json.put("gross", amount(line.gross()));
        json.put("net", amount(line.net()));
        return json;
    }

    private static List<QuoteRequest.Line> lines(Object json) {
        List<QuoteRequest.Line> lines = new ArrayList<>();
        for (Object item : (List<?>) json) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = (Map<String, Object>) item;
            lines.add(new QuoteRequest.Line(
                    ProductId.ofNullable(uuid(line, "product_id")),
                    string(line, "label"),
                    string(line, "unit"),
                    ((Number) line.get("quantity")).intValue(),
                    decimal(line, "unit_price"),
                    decimal(line, "discount_percentage"),
                    decimal(line, "gross"),
                    decimal(line, "net")));
        }
        return lines;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String amount(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String string(Map<String, Object> json, String field) {
        return (String) json.get(field);
    }

    private static UUID uuid(Map<String, Object> json, String field) {
        String value = string(json, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static BigDecimal decimal(Map<String, Object> json, String field) {
        String value = string(json, field);
        return value == null ? null : new BigDecimal(value);
    }
}
