package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.seams.LeadRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;

/**
 * {@link LeadRepositoryContract} against the persistence adapter on the real PostgreSQL, each test in a
 * transaction rolled back at its end; the in-memory fake passes the same assertions in {@code application-fakes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaLeadRepositoryTest extends LeadRepositoryContract implements RolledBackPerTest {

    @Override
    protected LeadRepository leads() {
        return bean(LeadRepository.class);
    }

    @Override
    protected PartnerRepository partners() {
        return bean(PartnerRepository.class);
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
