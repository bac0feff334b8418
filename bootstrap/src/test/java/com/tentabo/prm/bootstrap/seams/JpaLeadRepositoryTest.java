package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.seams.LeadRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link LeadRepositoryContract} against the persistence adapter on the real PostgreSQL, in one transaction per test that is rolled
 * back at its end (the in-memory fake runs the same assertions in the application module).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaLeadRepositoryTest extends LeadRepositoryContract {

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
    LeadRepository leads;

    @Override
    protected LeadRepository leads() {
        return leads;
    }

    @Inject
    PartnerRepository partners;

    @Override
    protected PartnerRepository partners() {
        return partners;
    }

    @Inject
    io.agroal.api.AgroalDataSource ds;

    @Override
    protected java.util.UUID newUser() {
        return com.tentabo.prm.bootstrap.support.TestData.user(ds, com.tentabo.prm.domain.access.Role.PARTNER, null, null);
    }
}
