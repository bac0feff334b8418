package com.tentabo.prm.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");

    /** PRICING.md example 1 as an order item: VOLUME, q=60, 12 months, 10 % → gross 9000.00, net 8100.00. */
    static OrderItem example1Item() {
        return new OrderItem(
                new OrderItemId(UUID.randomUUID()),
                new ProductId(UUID.randomUUID()),
                new DurationId(UUID.randomUUID()),
                60,
                new BigDecimal("12.5000"),
                new BigDecimal("10.00"),
                eur("9000.00"),
                eur("900.00"),
                eur("8100.00"),
                "Storage",
                "service",
                "TB",
                12,
                List.of());
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Order newOrder() {
        return Order.create(
                new OrderId(UUID.randomUUID()),
                "ORD-20261124-000001",
                OrderKind.NEW,
                null,
                new TenantRef(new PartnerId(UUID.randomUUID()), null),
                null,
                new UserId(UUID.randomUUID()),
                EUR,
                new BigDecimal("20"),
                List.of(example1Item()),
                T0);
    }

    @Test
    void givenItems_create_derivesTotalsAsPricingMdSays() {
        Order order = newOrder();
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.totals().subtotal()).isEqualTo(eur("9000.00"));
        assertThat(order.totals().discountAmount()).isEqualTo(eur("900.00"));
        assertThat(order.totals().taxAmount()).isEqualTo(eur("1620.00"));
        assertThat(order.totals().totalAmount()).isEqualTo(eur("9720.00"));
        assertThat(order.totals().totalAmount().amount()).isEqualTo(new BigDecimal("9720.00"));
        assertThat(order.taxRate()).isEqualTo(new BigDecimal("20.00"));
    }

    @Test
    void givenCreatedOrder_sendFulfil_setsTimestampsOfEachTransition() {
        Order sent = newOrder().transitionTo(OrderStatus.SENT, T1);
        assertThat(sent.sentAt()).isEqualTo(T1);
        Order fulfilled = sent.transitionTo(OrderStatus.IN_FULFILLMENT, T1).transitionTo(OrderStatus.FULFILLED, T1);
        assertThat(fulfilled.status()).isEqualTo(OrderStatus.FULFILLED);
        assertThat(fulfilled.fulfilledAt()).isEqualTo(T1);
        assertThat(fulfilled.cancelledAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"CREATED", "SENT", "IN_FULFILLMENT"})
    void givenOpenOrder_cancel_isAllowedAndStamped(OrderStatus from) {
        Order order = walkTo(from).transitionTo(OrderStatus.CANCELLED, T1);
        assertThat(order.cancelledAt()).isEqualTo(T1);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"FULFILLED", "CANCELLED"})
    void givenFinalOrder_anyMove_isRefusedNamingFromAndTo(OrderStatus from) {
        Order order = walkTo(from);
        for (OrderStatus to : OrderStatus.values()) {
            assertThatThrownBy(() -> order.transitionTo(to, T1))
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining(from.name())
                    .hasMessageContaining(to.name())
                    .extracting(e -> ((DomainException) e).code())
                    .isEqualTo(ErrorCode.ILLEGAL_ORDER_TRANSITION);
        }
    }

    @Test
    void givenCreatedOrder_skippingFulfilment_isRefused() {
        assertThatThrownBy(() -> newOrder().transitionTo(OrderStatus.FULFILLED, T1))
                .hasMessageContaining("from CREATED to FULFILLED");
        assertThatThrownBy(() -> newOrder().transitionTo(OrderStatus.IN_FULFILLMENT, T1))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void givenSentOrder_reprice_isRefused() {
        Order sent = newOrder().transitionTo(OrderStatus.SENT, T1);
        assertThatThrownBy(() -> sent.reprice(List.of(example1Item()), null, T1))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.ORDER_NOT_EDITABLE);
    }

    @Test
    void givenCreatedOrder_repriceWithTwoItemsAndNewRate_recomputesTotals() {
        Order order = newOrder().reprice(List.of(example1Item(), example1Item()), new BigDecimal("5.5"), T1);
        assertThat(order.totals().subtotal()).isEqualTo(eur("18000.00"));
        assertThat(order.totals().taxAmount()).isEqualTo(eur("891.00"));
        assertThat(order.totals().totalAmount()).isEqualTo(eur("17091.00"));
        assertThat(order.updatedAt()).isEqualTo(T1);
    }

    @Test
    void givenBadInputs_create_namesTheField() {
        assertThatThrownBy(() -> Order.create(
                        new OrderId(UUID.randomUUID()),
                        "N",
                        OrderKind.NEW,
                        null,
                        null,
                        null,
                        new UserId(UUID.randomUUID()),
                        EUR,
                        new BigDecimal("101"),
                        List.of(example1Item()),
                        T0))
                .hasMessageContaining("tax_rate");
        assertThatThrownBy(() -> Money.currency("XYZ")).hasMessageContaining("currency");
        assertThatThrownBy(() -> Order.create(
                        new OrderId(UUID.randomUUID()),
                        "N",
                        OrderKind.NEW,
                        null,
                        null,
                        null,
                        new UserId(UUID.randomUUID()),
                        EUR,
                        new BigDecimal("20"),
                        List.of(),
                        T0))
                .hasMessageContaining("items");
    }

    @Test
    void givenItemsInAnotherCurrency_create_isRefused() {
        assertThatThrownBy(() -> Order.create(
                        new OrderId(UUID.randomUUID()),
                        "N",
                        OrderKind.NEW,
                        null,
                        null,
                        null,
                        new UserId(UUID.randomUUID()),
                        Currency.getInstance("USD"),
                        new BigDecimal("20"),
                        List.of(example1Item()),
                        T0))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.BUSINESS_RULE_VIOLATED);
    }

    @Test
    void givenHalfCentTax_totals_roundHalfUpOnceOnTheSummedNets() {
        OrderItem third = new OrderItem(
                new OrderItemId(UUID.randomUUID()),
                new ProductId(UUID.randomUUID()),
                new DurationId(UUID.randomUUID()),
                1,
                new BigDecimal("0.0500"),
                BigDecimal.ZERO,
                eur("0.05"),
                eur("0.00"),
                eur("0.05"),
                "P",
                "service",
                "u",
                1,
                List.of());
        // 3 × 0.05 = 0.15 net; 10 % of it is 0.015 → 0.02 (one rounding), not 3 × round2(0.005) = 0.03
        OrderTotals totals =
                OrderTotals.of(List.of(third, third, third), com.tentabo.prm.domain.pricing.Percentage.of("10"), EUR);
        assertThat(totals.taxAmount()).isEqualTo(eur("0.02"));
        assertThat(totals.totalAmount()).isEqualTo(eur("0.17"));
    }

    static Order walkTo(OrderStatus status) {
        Order order = newOrder();
        return switch (status) {
            case CREATED -> order;
            case SENT -> order.transitionTo(OrderStatus.SENT, T1);
            case IN_FULFILLMENT ->
                order.transitionTo(OrderStatus.SENT, T1).transitionTo(OrderStatus.IN_FULFILLMENT, T1);
            case FULFILLED -> walkTo(OrderStatus.IN_FULFILLMENT).transitionTo(OrderStatus.FULFILLED, T1);
            case CANCELLED -> order.transitionTo(OrderStatus.CANCELLED, T1);
        };
    }

    @Test
    void addressee_isThePartnerElseTheDistributor_typedByItsKind() {
        PartnerId partner = new PartnerId(UUID.randomUUID());
        DistributorId distributor = new DistributorId(UUID.randomUUID());

        assertThat(ofTenant(new TenantRef(partner, distributor)).addresseeId()).contains(partner);
        assertThat(ofTenant(new TenantRef(null, distributor)).addresseeId()).contains(distributor);
        assertThat(ofTenant(new TenantRef(null, null)).addresseeId()).isEmpty();
    }

    static Order ofTenant(TenantRef tenant) {
        return Order.create(
                new OrderId(UUID.randomUUID()),
                "ORD-20261124-000002",
                OrderKind.NEW,
                null,
                tenant,
                null,
                new UserId(UUID.randomUUID()),
                EUR,
                new BigDecimal("20"),
                List.of(example1Item()),
                T0);
    }
}
