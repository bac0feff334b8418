package com.tentabo.prm.bootstrap.support;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.pricing.Money;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Orders stored directly, priced as PRICING.md example 1, for tests that start from an existing order. */
public final class TestOrders {

    private TestOrders() {}

    /**
     * A CREATED order of the partner: 60 TB of a fresh product for {@code months} months at 12.50/month with 10 %
     * off, so gross 9000.00, net 8100.00, VAT 20 % 1620.00, total 9720.00 (one band, term unit price 150.000000).
     */
    public static UUID created(DataSource ds, OrderRepository orders, UUID partner, UUID createdBy, int months) {
        UUID product = UUID.randomUUID();
        UUID duration = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO products (id, name, type, unit, is_active) VALUES (?, ?, 'service', 'TB', 'true')",
                product,
                "Storage " + product);
        TestData.exec(
                ds,
                "INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, ?, 10.00, ?)",
                duration,
                1000 + Math.abs(duration.hashCode() % 100000),
                "d " + duration);
        OrderItem item = new OrderItem(
                new OrderItemId(UUID.randomUUID()),
                new ProductId(product),
                new DurationId(duration),
                60,
                new BigDecimal("12.5000"),
                new BigDecimal("10.00"),
                Money.of("9000.00", "EUR"),
                Money.of("900.00", "EUR"),
                Money.of("8100.00", "EUR"),
                "Storage",
                "service",
                "TB",
                months,
                List.of(new OrderItem.Band(
                        60,
                        new BigDecimal("12.5000"),
                        "month",
                        new BigDecimal("150.000000"),
                        new BigDecimal("9000.00"),
                        new BigDecimal("8100.00"))));
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew()
                .run(() -> orders.insert(
                        Order.create(
                                new OrderId(id),
                                "ORD-TEST-" + id.toString().substring(0, 8),
                                OrderKind.NEW,
                                null,
                                new TenantRef(PartnerId.ofNullable(partner), null),
                                null,
                                new UserId(createdBy),
                                Money.currency("EUR"),
                                new BigDecimal("20.00"),
                                List.of(item),
                                now),
                        new AuditEntry(
                                new AuditLogId(UUID.randomUUID()),
                                UserId.ofNullable(createdBy),
                                null,
                                "create",
                                "order",
                                id,
                                (java.util.Map<String, ?>) null,
                                null,
                                null,
                                now)));
        return id;
    }

    /** A {@link #created} order of 12 months, sent by its partner user through the API (its two outbox rows written). */
    public static UUID sent(
            DataSource ds, OrderRepository orders, UUID partner, UUID partnerUser, String partnerToken) {
        UUID order = created(ds, orders, partner, partnerUser, 12);
        Api.as(partnerToken)
                .body(java.util.Map.of("to", "sent"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        return order;
    }

    /**
     * The ACTIVE contract of a {@link #sent} order taken through fulfilment by a FULFILLER and quoted by Pennylane
     * ({@code billing_provider} {@code pennylane}, {@code billing_quote_id} = {@code quoteId}, set as the outbox
     * would have).
     */
    public static String activeContract(
            DataSource ds,
            OrderRepository orders,
            UUID partner,
            UUID partnerUser,
            String partnerToken,
            String fulfillerToken,
            String quoteId) {
        UUID order = sent(ds, orders, partner, partnerUser, partnerToken);
        for (String to : List.of("in_fulfillment", "fulfilled")) {
            Api.as(fulfillerToken)
                    .body(java.util.Map.of("to", to))
                    .post("/api/v1/orders/{id}/transitions", order)
                    .then()
                    .statusCode(200);
        }
        String contract = Api.as(fulfillerToken)
                .body(java.util.Map.of())
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        TestData.exec(
                ds,
                "UPDATE orders SET billing_provider = 'pennylane', billing_quote_id = ? WHERE id = ?",
                quoteId,
                order);
        return contract;
    }
}
