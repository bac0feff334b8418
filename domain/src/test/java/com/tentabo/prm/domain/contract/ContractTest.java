package com.tentabo.prm.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DocumentNumbers;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractTest {

    static final Instant T0 = Instant.parse("2026-01-31T09:00:00Z");
    static final PartnerId PARTNER = new PartnerId(UUID.randomUUID());
    static final DistributorId DISTRIBUTOR = new DistributorId(UUID.randomUUID());

    static OrderItem item(int months) {
        return item(months, "EUR");
    }

    static OrderItem item(int months, String currency) {
        return new OrderItem(
                new OrderItemId(UUID.randomUUID()),
                new ProductId(UUID.randomUUID()),
                new DurationId(UUID.randomUUID()),
                1,
                new BigDecimal("100.0000"),
                BigDecimal.ZERO,
                Money.of("100.00", currency),
                Money.of("0", currency),
                Money.of("100.00", currency),
                "Seat",
                "seat",
                "user",
                months,
                List.of());
    }

    static Order fulfilledOrder() {
        return Order.create(
                        new OrderId(UUID.randomUUID()),
                        "ORD-1",
                        OrderKind.NEW,
                        null,
                        new TenantRef(PARTNER, DISTRIBUTOR),
                        null,
                        new UserId(UUID.randomUUID()),
                        Money.currency("USD"),
                        new BigDecimal("20.00"),
                        List.of(item(12, "USD"), item(24, "USD")),
                        T0)
                .transitionTo(OrderStatus.SENT, T0)
                .transitionTo(OrderStatus.IN_FULFILLMENT, T0)
                .transitionTo(OrderStatus.FULFILLED, T0);
    }

    static Contract active() {
        return Contract.activate(
                new ContractId(UUID.randomUUID()),
                "CNT-1",
                fulfilledOrder(),
                new UserId(UUID.randomUUID()),
                T0,
                null,
                "none",
                T0);
    }

    @Test
    void givenFulfilledOrder_activate_copiesTenantCurrencyAndTotalAndLastsTheLongestItem() {
        Order order = fulfilledOrder();
        Contract contract = Contract.activate(
                new ContractId(UUID.randomUUID()),
                "CNT-1",
                order,
                new UserId(UUID.randomUUID()),
                T0,
                null,
                "pennylane",
                T0);
        assertThat(contract.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(contract.tenant()).isEqualTo(new TenantRef(PARTNER, DISTRIBUTOR));
        assertThat(contract.currencyCode()).isEqualTo("USD");
        assertThat(contract.totalValue()).isEqualTo(Money.of("240.00", "USD"));
        assertThat(contract.expirationDate()).isEqualTo(Instant.parse("2028-01-31T09:00:00Z"));
    }

    @Test
    void givenOrderNotFulfilled_activate_isRefused() {
        Order sent = Order.create(
                        new OrderId(UUID.randomUUID()),
                        "ORD-2",
                        OrderKind.NEW,
                        null,
                        null,
                        null,
                        new UserId(UUID.randomUUID()),
                        Money.currency("EUR"),
                        BigDecimal.TEN,
                        List.of(item(1)),
                        T0)
                .transitionTo(OrderStatus.SENT, T0);
        assertThatThrownBy(() -> Contract.activate(
                        new ContractId(UUID.randomUUID()),
                        "CNT",
                        sent,
                        new UserId(UUID.randomUUID()),
                        T0,
                        null,
                        "none",
                        T0))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.ORDER_NOT_FULFILLED);
    }

    @Test
    void givenMonthEndActivation_expiration_clampsToTheMonthsLastDay() {
        Order order = Order.create(
                        new OrderId(UUID.randomUUID()),
                        "ORD-3",
                        OrderKind.NEW,
                        null,
                        null,
                        null,
                        new UserId(UUID.randomUUID()),
                        Money.currency("EUR"),
                        BigDecimal.TEN,
                        List.of(item(1)),
                        T0)
                .transitionTo(OrderStatus.SENT, T0)
                .transitionTo(OrderStatus.IN_FULFILLMENT, T0)
                .transitionTo(OrderStatus.FULFILLED, T0);
        Contract contract = Contract.activate(
                new ContractId(UUID.randomUUID()), "CNT", order, new UserId(UUID.randomUUID()), T0, null, "none", T0);
        assertThat(contract.expirationDate()).isEqualTo(Instant.parse("2026-02-28T09:00:00Z"));
    }

    @Test
    void lifecycle_followsTheTransitionTable() {
        Instant later = T0.plusSeconds(60);
        assertThat(active().transitionTo(ContractStatus.EXPIRED, later)
                        .transitionTo(ContractStatus.LOST, later)
                        .status())
                .isEqualTo(ContractStatus.LOST);
        Contract cancelled = active().transitionTo(ContractStatus.CANCELLED, later);
        assertThat(cancelled.cancelledAt()).isEqualTo(later);
        assertThatThrownBy(() -> cancelled.transitionTo(ContractStatus.ACTIVE, later))
                .hasMessageContaining("from CANCELLED to ACTIVE");
        Contract expired = active().transitionTo(ContractStatus.EXPIRED, later);
        assertThatThrownBy(() -> expired.transitionTo(ContractStatus.CANCELLED, later))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.ILLEGAL_CONTRACT_TRANSITION);
        assertThat(active().transitionTo(ContractStatus.UPGRADED, later).status())
                .isEqualTo(ContractStatus.UPGRADED);
    }

    @Test
    void expiryIsDueOnlyForActiveContractsWhoseTermIsOver() {
        Contract contract = active();
        assertThat(contract.isDueToExpire(contract.expirationDate().minusSeconds(1)))
                .isFalse();
        assertThat(contract.isDueToExpire(contract.expirationDate())).isTrue();
        assertThat(contract.transitionTo(ContractStatus.CANCELLED, T0).isDueToExpire(contract.expirationDate()))
                .isFalse();
    }

    @Test
    void replacementKindsDecideTheOldContractsStatus() {
        assertThat(Contract.statusAfterReplacement(OrderKind.UPGRADE)).isEqualTo(ContractStatus.UPGRADED);
        assertThat(Contract.statusAfterReplacement(OrderKind.DOWNGRADE)).isEqualTo(ContractStatus.DOWNGRADED);
        assertThat(Contract.statusAfterReplacement(OrderKind.RENEWAL)).isNull();
    }

    @Test
    void documentNumbersCarryTheDayAndAPaddedSequence() {
        assertThat(DocumentNumbers.order(LocalDate.of(2026, 11, 24), 42)).isEqualTo("ORD-20261124-000042");
        assertThat(DocumentNumbers.contract(LocalDate.of(2026, 1, 2), 1_234_567))
                .isEqualTo("CNT-20260102-1234567");
        assertThatThrownBy(() -> DocumentNumbers.order(LocalDate.of(2026, 1, 2), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
