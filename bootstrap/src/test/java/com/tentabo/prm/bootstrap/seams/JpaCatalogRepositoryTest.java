package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.seams.CatalogRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link CatalogRepositoryContract} against the persistence adapter on the real PostgreSQL, each test in a
 * transaction rolled back at its end; the in-memory fake passes the same assertions in {@code application-fakes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaCatalogRepositoryTest extends CatalogRepositoryContract implements RolledBackPerTest {

    @Override
    protected ProductRepository products() {
        return bean(ProductRepository.class);
    }

    @Override
    protected DurationRepository durations() {
        return bean(DurationRepository.class);
    }

    @Override
    protected void committed() {
        flushAndForget();
    }
}
