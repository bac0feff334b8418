package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.seams.ContractRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;

/**
 * {@link ContractRepositoryContract} against the persistence adapter on the real PostgreSQL, each test in a
 * transaction rolled back at its end; the in-memory fake passes the same assertions in {@code application-fakes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaContractRepositoryTest extends ContractRepositoryContract implements RolledBackPerTest {

    @Override
    protected ContractRepository contracts() {
        return bean(ContractRepository.class);
    }

    @Override
    protected OrderRepository orders() {
        return bean(OrderRepository.class);
    }

    @Override
    protected PartnerRepository partners() {
        return bean(PartnerRepository.class);
    }

    @Override
    protected ProductRepository products() {
        return bean(ProductRepository.class);
    }

    @Override
    protected DurationRepository durations() {
        return bean(DurationRepository.class);
    }

    @Override
    protected UUID newUser() {
        return aUser();
    }

    @Override
    protected void committed() {
        flushAndForget();
    }
}
