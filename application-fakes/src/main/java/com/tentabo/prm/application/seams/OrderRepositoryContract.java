package com.tentabo.prm.application.seams;

import static com.tentabo.prm.application.fakes.TestRecords.aDuration;
import static com.tentabo.prm.application.fakes.TestRecords.aPartner;
import static com.tentabo.prm.application.fakes.TestRecords.aProduct;
import static com.tentabo.prm.application.fakes.TestRecords.anOrder;
import static com.tentabo.prm.application.fakes.TestRecords.creationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.order.port.out.OrderRepository.OrderQuery;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderRepository} does, run against the in-memory fake and against the JPA adapter on PostgreSQL
 * with the same assertions. Each test makes its own partner, product and duration.
 */
public abstract class OrderRepositoryContract {

    protected abstract OrderRepository orders();

    protected abstract PartnerRepository partners();

    protected abstract ProductRepository products();

    protected abstract DurationRepository durations();

    /** The id of a user that records may name as their author. */
    protected abstract UUID newUser();

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    PartnerId partner;
    UUID product;
    UUID duration;
    UUID user;

    void catalogAndPartner() {
        Company<PartnerId> p = aPartner(T0);
        partners().save(p);
        partner = p.id();
        Product pr = aProduct("10", T0);
        products().save(pr);
        product = pr.id().value();
        Duration d = aDuration(1000 + ThreadLocalRandom.current().nextInt(1_000_000), T0);
        durations().save(d);
        duration = d.id().value();
        user = newUser();
    }

    Order order(Instant createdAt) {
        return anOrder()
                .by(user)
                .forPartner(partner)
                .item(product, duration, 3, "100")
                .createdAt(createdAt)
                .build();
    }

    @Test
    void anInsertedOrderReadsBackWithItsItemsTotalsAndVersionZero() {
        catalogAndPartner();
        Order order = order(T0);
        orders().insert(order, creationOf(order));

        Order read = orders().findById(order.id()).orElseThrow();
        assertThat(read.number()).isEqualTo(order.number());
        assertThat(read.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(read.tenant()).isEqualTo(order.tenant());
        assertThat(read.createdBy()).isEqualTo(new UserId(user));
        assertThat(read.version()).isZero();
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.items()).singleElement().satisfies(item -> {
            assertThat(item.productId()).isEqualTo(new ProductId(product));
            assertThat(item.quantity()).isEqualTo(3);
            assertThat(item.total()).isEqualTo(Money.of("300.00", "EUR"));
        });
        assertThat(read.totals()).isEqualTo(order.totals());
        assertThat(read.totals().totalAmount()).isEqualTo(Money.of("360.00", "EUR"));
        assertThat(read.currency()).isEqualTo(order.currency());
        assertThat(orders().findById(new OrderId(UUID.randomUUID()))).isEmpty();
        assertThat(orders().anyForProduct(new ProductId(product))).isTrue();
        assertThat(orders().anyForProduct(new ProductId(UUID.randomUUID()))).isFalse();
    }

    @Test
    void anUpdateRaisesTheVersionAndAStaleCopyIsRefused() {
        catalogAndPartner();
        Order order = order(T0);
        orders().insert(order, creationOf(order));
        Instant sentAt = T0.plus(1, ChronoUnit.HOURS);

        orders().update(order.transitionTo(OrderStatus.SENT, sentAt));

        Order read = orders().findById(order.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(OrderStatus.SENT);
        assertThat(read.sentAt()).isEqualTo(sentAt);
        assertThat(read.version()).isEqualTo(1);
        Order stale = order.transitionTo(OrderStatus.CANCELLED, sentAt);
        assertThatThrownBy(() -> orders().update(stale))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        assertThat(orders().findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.SENT);
    }

    @Test
    void theListIsNewestFirstWithinTheScopeAndPagesByKeyset() {
        catalogAndPartner();
        Order oldest = order(T0);
        Order middle = order(T0.plusSeconds(60));
        Order newest = order(T0.plusSeconds(120));
        for (Order o : List.of(middle, newest, oldest)) {
            orders().insert(o, creationOf(o));
        }
        PartnerId otherPartner = partner;
        catalogAndPartner();
        Order last = order(T0.plusSeconds(90));
        orders().insert(last, creationOf(last));

        TenantScope scope = new TenantScope.OfPartner(otherPartner);
        List<Order> first = orders().list(query(null, null, 2), scope);
        assertThat(first).extracting(Order::id).containsExactly(newest.id(), middle.id());
        List<Order> next = orders().list(query(middle.createdAt(), middle.id(), 2), scope);
        assertThat(next).extracting(Order::id).containsExactly(oldest.id());
        assertThat(orders().list(
                                new OrderQuery(
                                        java.util.Set.of(OrderStatus.SENT),
                                        otherPartner,
                                        null,
                                        null,
                                        false,
                                        null,
                                        null,
                                        10),
                                new TenantScope.Everything()))
                .isEmpty();
    }

    @Test
    void theCreationSpanKeepsTheStartAndLeavesTheEndOut() {
        catalogAndPartner();
        Order before = order(T0.minusMillis(1));
        Order atStart = order(T0);
        Order lastInstant = order(T0.plus(1, ChronoUnit.DAYS).minusNanos(1000));
        Order atEnd = order(T0.plus(1, ChronoUnit.DAYS));
        for (Order o : List.of(before, atStart, lastInstant, atEnd)) {
            orders().insert(o, creationOf(o));
        }
        TenantScope scope = new TenantScope.OfPartner(partner);

        assertThat(orders().list(created(new Filters.Days(T0, T0.plus(1, ChronoUnit.DAYS))), scope))
                .extracting(Order::id)
                .containsExactly(lastInstant.id(), atStart.id());
        assertThat(orders().list(created(new Filters.Days(T0, null)), scope))
                .extracting(Order::id)
                .containsExactly(atEnd.id(), lastInstant.id(), atStart.id());
        assertThat(orders().list(created(new Filters.Days(null, T0)), scope))
                .extracting(Order::id)
                .containsExactly(before.id());
    }

    private static OrderQuery created(Filters.Days days) {
        return new OrderQuery(null, null, null, null, false, null, null, 10, false, days);
    }

    @Test
    void orderNumbersIncrease() {
        long first = orders().nextNumber();
        assertThat(orders().nextNumber()).isGreaterThan(first);
    }

    private static OrderQuery query(Instant cursorAt, OrderId cursorId, int limit) {
        return new OrderQuery(null, null, null, null, false, cursorAt, cursorId, limit);
    }
}
