package com.tentabo.prm.application.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.catalog.port.in.QuoteUseCase.QuoteItem;
import com.tentabo.prm.application.contract.port.in.RenewContractUseCase.RenewContractCommand;
import com.tentabo.prm.application.fakes.FakeWorld;
import com.tentabo.prm.application.order.port.in.PlaceOrderUseCase.CreateOrderCommand;
import com.tentabo.prm.application.order.port.in.TransitionOrderUseCase.TransitionOrderCommand;
import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxPayload;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Placing, moving and renewing orders over the in-memory fakes, at a fixed clock. */
class OrderUseCasesTest {

    final FakeWorld world = new FakeWorld();
    final Company<PartnerId> partner = world.partner();
    final Product seat = world.product("10");
    final Duration year = world.duration(12);
    final Caller partnerUser = FakeWorld.partnerUser(partner.id());

    Order place(long quantity) {
        return world.placeOrders()
                .create(new CreateOrderCommand(
                        partnerUser,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new QuoteItem(seat.id(), quantity, year.id())),
                        null))
                .value();
    }

    @Test
    void placingPricesTheItemsStampsThePartnerNumbersTheOrderAndAuditsIt() {
        Instant now = world.clock.instant();

        Order order = place(3);

        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.tenant().partnerId()).isEqualTo(partner.id());
        assertThat(order.createdAt()).isEqualTo(now);
        assertThat(order.number()).startsWith("ORD-20260302-");
        assertThat(order.items()).singleElement().satisfies(item -> {
            assertThat(item.quantity()).isEqualTo(3);
            assertThat(item.durationMonths()).isEqualTo(12);
            assertThat(item.total()).isEqualTo(Money.of("360.00", "EUR")); // 3 seats × 10 a month × 12 months
        });
        assertThat(order.totals().taxAmount()).isEqualTo(Money.of("72.00", "EUR"));
        assertThat(order.totals().totalAmount()).isEqualTo(Money.of("432.00", "EUR"));
        assertThat(world.orders.findById(order.id())).isPresent();
        assertThat(world.audit.actionsOn(order.id().value())).containsExactly("create");
    }

    @Test
    void aRetriedCreateWithTheSameKeyAnswersTheFirstOrder() {
        CreateOrderCommand command = new CreateOrderCommand(
                partnerUser,
                null,
                null,
                null,
                null,
                null,
                List.of(new QuoteItem(seat.id(), 2L, year.id())),
                "retry-" + UUID.randomUUID());

        Created<Order> first = world.placeOrders().create(command);
        Created<Order> again = world.placeOrders().create(command);

        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(again.replayed()).isTrue();
        assertThat(world.orders.all()).hasSize(1);
    }

    @Test
    void anOrderOfAProductThatDoesNotExistIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> world.placeOrders()
                        .create(new CreateOrderCommand(
                                partnerUser,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(new QuoteItem(new ProductId(UUID.randomUUID()), 1L, year.id())),
                                null)))
                .isInstanceOf(DomainException.class);
        assertThat(world.orders.all()).isEmpty();
    }

    @Test
    void sendingAnOrderWritesTheBillingQuoteAndTheCrmDealToTheOutboxWithTheMove() {
        Order order = place(1);
        world.clock.advance(java.time.Duration.ofHours(2));

        Order sent = world.transitions()
                .transition(new TransitionOrderCommand(
                        partnerUser, order.id(), OrderStatus.SENT, null, ExpectedVersion.of(0L)));

        assertThat(sent.status()).isEqualTo(OrderStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(world.clock.instant());
        assertThat(sent.version()).isEqualTo(1);
        assertThat(world.outbox.messages())
                .extracting(OutboxMessage::topic)
                .containsExactlyInAnyOrder(OutboxMessage.BILLING_QUOTE_REQUESTED, OutboxMessage.CRM_DEAL_REQUESTED);
        assertThat(world.outbox.messages())
                .allSatisfy(
                        m -> assertThat(m.aggregateId()).isEqualTo(order.id().value()));
        assertThat(world.audit.actionsOn(order.id().value())).containsExactly("create", "transition");
        assertThat(world.outbox.messages())
                .extracting(OutboxMessage::payload)
                .anySatisfy(payload -> assertThat(payload)
                        .isInstanceOfSatisfying(OutboxPayload.BillingQuoteRequested.class, quote -> {
                            assertThat(quote.order().orderNumber()).isEqualTo(sent.number());
                            assertThat(quote.order().partnerId()).isEqualTo(partner.id());
                            assertThat(quote.order().totalAmount())
                                    .isEqualTo(sent.totals().totalAmount().amount());
                            assertThat(quote.lines()).isNotEmpty();
                        }))
                .anySatisfy(payload -> assertThat(payload).isEqualTo(OutboxPayload.CrmDealRequested.of(sent)));
        assertThat(world.audit.entries())
                .filteredOn(entry -> entry.action().equals("transition"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.userId()).isEqualTo(new UserId(partnerUser.principalId()));
                    assertThat(entry.at()).isEqualTo(world.clock.instant());
                    assertThat(com.tentabo.prm.application.fakes.InMemoryAudit.changesOf(entry))
                            .containsEntry("status", java.util.Map.of("before", "CREATED", "after", "SENT"));
                });
    }

    @Test
    void cancellingASentOrderTellsTheCrmItsDealIsLostWithTheReason() {
        Order order = place(1);
        Order sent = world.transitions()
                .transition(new TransitionOrderCommand(
                        partnerUser, order.id(), OrderStatus.SENT, null, ExpectedVersion.of(0L)));

        world.transitions()
                .transition(new TransitionOrderCommand(
                        FakeWorld.admin(),
                        order.id(),
                        OrderStatus.CANCELLED,
                        "  budget cut ",
                        ExpectedVersion.of(sent.version())));

        assertThat(world.outbox.messages())
                .filteredOn(m -> m.topic().equals(OutboxMessage.CRM_DEAL_STATUS))
                .singleElement()
                .satisfies(m -> assertThat(m.payload())
                        .isEqualTo(new OutboxPayload.CrmDealStatus(OrderStatus.CANCELLED, "budget cut")));
    }

    @Test
    void aStaleVersionOrAnIllegalMoveChangesNothing() {
        Order order = place(1);

        assertThatThrownBy(() -> world.transitions()
                        .transition(new TransitionOrderCommand(
                                partnerUser, order.id(), OrderStatus.SENT, null, ExpectedVersion.of(7L))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThatThrownBy(() -> world.transitions()
                        .transition(new TransitionOrderCommand(
                                FakeWorld.admin(), order.id(), OrderStatus.FULFILLED, null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ORDER_TRANSITION));
        assertThat(world.orders.findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CREATED);
        assertThat(world.outbox.messages()).isEmpty();
    }

    @Test
    void renewingAnActiveContractPlacesARenewalOrderOfTheSamePartner() {
        Order fulfilled = place(2);
        for (OrderStatus to : List.of(OrderStatus.SENT, OrderStatus.IN_FULFILLMENT, OrderStatus.FULFILLED)) {
            fulfilled = world.transitions()
                    .transition(new TransitionOrderCommand(FakeWorld.admin(), fulfilled.id(), to, null, null));
        }
        Contract contract = Contract.activate(
                new ContractId(UUID.randomUUID()),
                "CTR-1",
                fulfilled,
                fulfilled.createdBy(),
                world.clock.instant(),
                null,
                "none",
                world.clock.instant());
        world.contracts.insert(contract);
        world.clock.advance(java.time.Duration.ofDays(300));

        Order renewal = world.renewals()
                .renew(new RenewContractCommand(FakeWorld.admin(), contract.id(), OrderKind.RENEWAL, null, null, null))
                .value();

        assertThat(renewal.kind()).isEqualTo(OrderKind.RENEWAL);
        assertThat(renewal.replacesContractId()).isEqualTo(contract.id());
        assertThat(renewal.tenant()).isEqualTo(contract.tenant());
        assertThat(renewal.createdAt()).isEqualTo(world.clock.instant());
        assertThat(renewal.items()).singleElement().satisfies(item -> {
            assertThat(item.productId()).isEqualTo(seat.id());
            assertThat(item.quantity()).isEqualTo(2);
        });
        assertThat(world.audit.actionsOn(renewal.id().value())).containsExactly("create");
    }
}
