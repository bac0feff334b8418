package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.fakes.InMemoryOutbox;
import com.tentabo.prm.application.fakes.MutableClock;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;

/** {@link OutboxRepositoryContract} against the in-memory fakes (the JPA/JDBC adapters run it in bootstrap). */
class InMemoryOutboxTest extends OutboxRepositoryContract {

    final InMemoryOutbox outbox = new InMemoryOutbox(MutableClock.standing());

    @Override
    protected OutboxPublisher publisher() {
        return outbox;
    }

    @Override
    protected OutboxRepository outbox() {
        return outbox;
    }
}
