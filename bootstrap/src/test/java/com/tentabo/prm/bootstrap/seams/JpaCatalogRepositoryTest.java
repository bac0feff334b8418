package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.seams.CatalogRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link CatalogRepositoryContract} against the persistence adapter on the real PostgreSQL, in one transaction per test that is rolled
 * back at its end (the in-memory fake runs the same assertions in the application module).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaCatalogRepositoryTest extends CatalogRepositoryContract {

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
}
