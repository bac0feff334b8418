package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.seams.OutboxRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link OutboxRepositoryContract} against the persistence adapter on the real PostgreSQL, in one transaction per test that is rolled
 * back at its end (the in-memory fake runs the same assertions in the application module).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JdbcOutboxRepositoryTest extends OutboxRepositoryContract {

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
    OutboxPublisher publisher;

    @Override
    protected OutboxPublisher publisher() {
        return publisher;
    }

    @Inject
    OutboxRepository outbox;

    @Override
    protected OutboxRepository outbox() {
        return outbox;
    }
}
