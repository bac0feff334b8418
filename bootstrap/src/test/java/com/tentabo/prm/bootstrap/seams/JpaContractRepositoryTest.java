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
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link ContractRepositoryContract} against the persistence adapter on the real PostgreSQL, in one transaction per test that is rolled
 * back at its end (the in-memory fake runs the same assertions in the application module).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaContractRepositoryTest extends ContractRepositoryContract {

    @Inject
    UserTransaction transaction;

    @BeforeEach
    void begin() throws Exception {
        transaction.begin();
    }

    @AfterEach
    void rollBack() throws Exception {
        transaction.rollback();
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Override
    protected void committed() {
        em.flush();
        em.clear();
    }

    @Inject
    ContractRepository contracts;

    @Override
    protected ContractRepository contracts() {
        return contracts;
    }

    @Inject
    OrderRepository orders;

    @Override
    protected OrderRepository orders() {
        return orders;
    }

    @Inject
    PartnerRepository partners;

    @Override
    protected PartnerRepository partners() {
        return partners;
    }

    @Inject
    ProductRepository products;

    @Override
    protected ProductRepository products() {
        return products;
    }

    @Inject
    DurationRepository durations;

    @Override
    protected DurationRepository durations() {
        return durations;
    }

    @Inject
    io.agroal.api.AgroalDataSource ds;

    @Override
    protected java.util.UUID newUser() {
        return com.tentabo.prm.bootstrap.support.TestData.user(ds, com.tentabo.prm.domain.access.Role.PARTNER, null, null);
    }
}
