package com.tentabo.prm.application.seams;

import static com.tentabo.prm.application.fakes.TestRecords.creationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.contract.port.out.ContractRepository.ContractQuery;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContractRepository} does, against the fake and against the JPA adapter on PostgreSQL. Contracts
 * here start in 1990 so that the expiry sweep, run at a 1990 instant, reaches no other test's contracts.
 */
public abstract class ContractRepositoryContract {

    protected abstract ContractRepository contracts();

    protected abstract OrderRepository orders();

    protected abstract PartnerRepository partners();

    protected abstract ProductRepository products();

    protected abstract DurationRepository durations();

    protected abstract UUID newUser();

    /**
     * Where a service's transaction would end: the adapter on PostgreSQL writes pending changes and forgets what it
     * read (a later use case reads in a transaction of its own); nothing to do in memory.
     */
    protected void committed() {}

    /** The order a contract comes from is made through the order contract's fixtures. */
    private final OrderRepositoryContract orderFixtures = new OrderRepositoryContract() {
        @Override
        protected OrderRepository orders() {
            return ContractRepositoryContract.this.orders();
        }

        @Override
        protected PartnerRepository partners() {
            return ContractRepositoryContract.this.partners();
        }

        @Override
        protected ProductRepository products() {
            return ContractRepositoryContract.this.products();
        }

        @Override
        protected DurationRepository durations() {
            return ContractRepositoryContract.this.durations();
        }

        @Override
        protected UUID newUser() {
            return ContractRepositoryContract.this.newUser();
        }
    };

    static final Instant ACTIVATION = Instant.parse("1990-01-01T00:00:00Z")
            .plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));

    Contract activeContract() {
        orderFixtures.catalogAndPartner();
        Order order = orderFixtures
                .order(ACTIVATION)
                .transitionTo(com.tentabo.prm.domain.order.OrderStatus.SENT, ACTIVATION)
                .transitionTo(com.tentabo.prm.domain.order.OrderStatus.IN_FULFILLMENT, ACTIVATION)
                .transitionTo(com.tentabo.prm.domain.order.OrderStatus.FULFILLED, ACTIVATION);
        orders().insert(order, creationOf(order));
        Contract contract = Contract.activate(
                new ContractId(UUID.randomUUID()),
                "CTR-" + UUID.randomUUID().toString().substring(0, 8),
                order,
                new UserId(orderFixtures.user),
                ACTIVATION,
                null,
                "none",
                ACTIVATION);
        contracts().insert(contract);
        return contract;
    }

    @Test
    void anInsertedContractReadsBackByIdAndByOrder() {
        Contract contract = activeContract();

        Contract read = contracts().findById(contract.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(read.orderId()).isEqualTo(contract.orderId());
        assertThat(read.tenant()).isEqualTo(contract.tenant());
        assertThat(read.activationDate()).isEqualTo(ACTIVATION);
        assertThat(read.expirationDate()).isEqualTo(contract.expirationDate());
        assertThat(read.totalValue()).isEqualTo(contract.totalValue());
        assertThat(read.currencyCode()).isEqualTo(contract.currencyCode());
        assertThat(read.version()).isZero();
        assertThat(contracts().findByOrderId(contract.orderId()).map(Contract::id))
                .contains(contract.id());
        assertThat(contracts().findById(new ContractId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void anUpdateRaisesTheVersionAndAStaleCopyIsRefused() {
        Contract contract = activeContract();
        Instant later = ACTIVATION.plusSeconds(3600);

        contracts().update(contract.transitionTo(ContractStatus.CANCELLED, later));

        Contract read = contracts().findById(contract.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ContractStatus.CANCELLED);
        assertThat(read.version()).isEqualTo(1);
        assertThatThrownBy(() -> contracts().update(contract.transitionTo(ContractStatus.CANCELLED, later)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
    }

    @Test
    void theSweepExpiresActiveContractsAtTheirEndOnce() {
        Contract contract = activeContract();
        Instant end = contract.expirationDate();
        committed();

        assertThat(contracts().expireDue(end.minusSeconds(1))).doesNotContain(contract.id());
        assertThat(contracts().expireDue(end)).contains(contract.id());
        assertThat(contracts().expireDue(end)).doesNotContain(contract.id());
        committed();
        Contract read = contracts().findById(contract.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(read.version()).isEqualTo(1);
    }

    @Test
    void theListIsScopedAndFindsContractsExpiringWithoutSuccessor() {
        Contract contract = activeContract();
        TenantScope scope = new TenantScope.OfPartner(contract.tenant().partnerId());

        assertThat(contracts().list(new ContractQuery(null, null, null, null, null, null, 10), scope))
                .extracting(Contract::id)
                .containsExactly(contract.id());
        assertThat(contracts()
                        .list(new ContractQuery(null, null, null, contract.expirationDate(), null, null, 10), scope))
                .extracting(Contract::id)
                .containsExactly(contract.id());
        assertThat(contracts()
                        .list(
                                new ContractQuery(
                                        null,
                                        null,
                                        null,
                                        contract.expirationDate().minusSeconds(1),
                                        null,
                                        null,
                                        10),
                                scope))
                .isEmpty();
        assertThat(contracts()
                        .list(
                                new ContractQuery(null, null, null, null, null, null, 10),
                                new TenantScope.OfPartner(new PartnerId(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void theActivationAndExpirationSpansFilterTheList() {
        Contract contract = activeContract();
        TenantScope scope = new TenantScope.OfPartner(contract.tenant().partnerId());
        Instant start = contract.activationDate();
        Instant end = contract.expirationDate();

        assertThat(contracts().list(spans(new Filters.Days(start, start.plusSeconds(1)), Filters.Days.ANY), scope))
                .extracting(Contract::id)
                .containsExactly(contract.id());
        assertThat(contracts().list(spans(new Filters.Days(start.plusSeconds(1), null), Filters.Days.ANY), scope))
                .isEmpty();
        assertThat(contracts().list(spans(new Filters.Days(null, start), Filters.Days.ANY), scope))
                .isEmpty();
        assertThat(contracts().list(spans(Filters.Days.ANY, new Filters.Days(end, end.plusSeconds(1))), scope))
                .extracting(Contract::id)
                .containsExactly(contract.id());
        assertThat(contracts().list(spans(Filters.Days.ANY, new Filters.Days(null, end)), scope))
                .isEmpty();
    }

    private static ContractQuery spans(Filters.Days activated, Filters.Days expires) {
        return new ContractQuery(null, null, null, null, null, null, 10, activated, expires);
    }
}
