package com.tentabo.prm.application.outbox;

import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an outbox event carries, one record per kind of event. The persistence adapter owns the JSON shape of each (its
 * {@code OutboxPayloadJson}: the field names and the spelling of values the rows hold), so that the application builds
 * and reads values, never keys. Ids are typed; the JSON holds their UUIDs as text, as before.
 */
public sealed interface OutboxPayload {

    /** The figures of a sent order that both its quote and its deal carry (amounts exact, as the order holds them). */
    record OrderFigures(
            OrderId orderId,
            String orderNumber,
            PartnerId partnerId,
            DistributorId distributorId,
            String currency,
            BigDecimal subtotal,
            BigDecimal discountAmount,
            BigDecimal taxRate,
            BigDecimal taxAmount,
            BigDecimal totalAmount) {

        public OrderFigures {
            Objects.requireNonNull(orderId, "orderId");
        }

        public static OrderFigures of(Order order) {
            return new OrderFigures(
                    order.id(),
                    order.number(),
                    order.tenant().partnerId(),
                    order.tenant().distributorId(),
                    order.currency().getCurrencyCode(),
                    order.totals().subtotal().amount(),
                    order.totals().discountAmount().amount(),
                    order.taxRate(),
                    order.totals().taxAmount().amount(),
                    order.totals().totalAmount().amount());
        }
    }

    /** {@value OutboxMessage#BILLING_QUOTE_REQUESTED}: the order and one billing line per price band. */
    record BillingQuoteRequested(OrderFigures order, List<QuoteRequest.Line> lines) implements OutboxPayload {
        public BillingQuoteRequested {
            Objects.requireNonNull(order, "order");
            lines = List.copyOf(lines);
        }

        public static BillingQuoteRequested of(Order order) {
            return new BillingQuoteRequested(OrderFigures.of(order), QuoteRequest.linesOf(order));
        }
    }

    /** {@value OutboxMessage#CRM_DEAL_REQUESTED}: the order, the lead it came from (if any) and the deal's title. */
    record CrmDealRequested(OrderFigures order, LeadId leadId, String title) implements OutboxPayload {
        public CrmDealRequested {
            Objects.requireNonNull(order, "order");
        }

        public static CrmDealRequested of(Order order) {
            return new CrmDealRequested(OrderFigures.of(order), order.leadId(), "Order " + order.number());
        }
    }

    /**
     * {@value OutboxMessage#CRM_LEAD_UPDATED}: which of the lead's fields changed here (status, owner, value), the
     * lead's provider and id there, and the reason when it was lost (null otherwise).
     */
    record CrmLeadUpdated(String provider, String providerId, String field, String lostReason)
            implements OutboxPayload {}

    /** {@value OutboxMessage#CRM_DEAL_STATUS}: the order's new status (cancelled or fulfilled) and its reason, if any. */
    record CrmDealStatus(OrderStatus status, String reason) implements OutboxPayload {
        public CrmDealStatus {
            Objects.requireNonNull(status, "status");
        }
    }

    /** A notification's mail: the type of the notification's event. */
    record NotificationEmail(String eventType) implements OutboxPayload {}

    /** A digest mail of one person's reminders: the person's kind and the reminders it holds. */
    record NotificationDigest(PrincipalKind recipientKind, List<NotificationId> notificationIds)
            implements OutboxPayload {
        public NotificationDigest {
            Objects.requireNonNull(recipientKind, "recipientKind");
            notificationIds = List.copyOf(notificationIds);
        }
    }

    /** A webhook delivery: its subscription and the type of its event. */
    record WebhookDelivery(WebhookSubscriptionId subscriptionId, String eventType) implements OutboxPayload {}

    /**
     * The mail of a one-time link ({@code invitation} or {@code reset}): the account's kind and username, when the
     * link expires, and its token sealed for this event ({@code sealedToken}; null once the event is settled, as the
     * outbox removes it then).
     */
    record AccountLink(
            String purpose, PrincipalKind recipientKind, String username, Instant expiresAt, String sealedToken)
            implements OutboxPayload {
        public AccountLink {
            Objects.requireNonNull(recipientKind, "recipientKind");
        }
    }

    /**
     * A payload this version does not read: the event's topic is unknown to it, or its row does not have the shape
     * of its topic (written by the replaced system, or by hand). Its JSON text as the row holds it.
     */
    record Unread(String json) implements OutboxPayload {}
}
