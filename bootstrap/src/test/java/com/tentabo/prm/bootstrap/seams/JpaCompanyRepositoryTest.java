package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.seams.CompanyRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link CompanyRepositoryContract} against the persistence adapter on the real PostgreSQL, each test in a
 * transaction rolled back at its end; the in-memory fake passes the same assertions in {@code application-fakes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaCompanyRepositoryTest extends CompanyRepositoryContract implements RolledBackPerTest {

    @Override
    protected PartnerRepository partners() {
        return bean(PartnerRepository.class);
    }

    @Override
    protected DistributorRepository distributors() {
        return bean(DistributorRepository.class);
    }
}
