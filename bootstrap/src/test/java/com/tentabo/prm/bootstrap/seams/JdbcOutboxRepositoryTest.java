package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.seams.OutboxRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link OutboxRepositoryContract} against the persistence adapter on the real PostgreSQL, each test in a
 * transaction rolled back at its end; the in-memory fake passes the same assertions in {@code application-fakes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JdbcOutboxRepositoryTest extends OutboxRepositoryContract implements RolledBackPerTest {

    @Override
    protected OutboxPublisher publisher() {
        return bean(OutboxPublisher.class);
    }

    @Override
    protected OutboxRepository outbox() {
        return bean(OutboxRepository.class);
    }
}
