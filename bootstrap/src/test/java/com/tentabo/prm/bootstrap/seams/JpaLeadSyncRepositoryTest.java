package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.application.seams.LeadSyncRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;

/**
 * {@link LeadSyncRepositoryContract} against the persistence adapter on the real PostgreSQL (the unnest inserts, the
 * {@code = ANY} lookup), each test in a transaction rolled back at its end; the in-memory fake passes the same
 * assertions in {@code application-fakes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JpaLeadSyncRepositoryTest extends LeadSyncRepositoryContract implements RolledBackPerTest {

    @Override
    protected LeadSyncRepository synced() {
        return bean(LeadSyncRepository.class);
    }

    @Override
    protected LeadRepository leads() {
        return bean(LeadRepository.class);
    }

    @Override
    protected AuditLogRepository audit() {
        return bean(AuditLogRepository.class);
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
