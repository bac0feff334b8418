package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.seams.CompanyRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link CompanyRepositoryContract} against the persistence adapter on the real PostgreSQL, in one transaction per test that is rolled
 * back at its end (the in-memory fake runs the same assertions in the application module).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaCompanyRepositoryTest extends CompanyRepositoryContract {

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
    PartnerRepository partners;

    @Override
    protected PartnerRepository partners() {
        return partners;
    }

    @Inject
    DistributorRepository distributors;

    @Override
    protected DistributorRepository distributors() {
        return distributors;
    }
}
