package com.tentabo.prm.adapters.persistence.outbox;

import com.tentabo.prm.application.outbox.OutboxMessage;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;

@ApplicationScoped
public class JpaOutboxPublisher implements OutboxPublisher {

    private final EntityManager em;
    private final Clock clock;

    public JpaOutboxPublisher(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void publish(OutboxMessage message) {
        OutboxEventEntity e = new OutboxEventEntity();
        e.id = message.id().value();
        e.topic = message.topic();
        e.aggregateType = message.aggregateType();
        e.aggregateId = message.aggregateId();
        e.payload = OutboxPayloadJson.write(message.payload());
        e.status = OutboxStatuses.stored(OutboxStatus.PENDING);
        e.attempts = 0;
        e.createdAt = clock.instant();
        e.nextAttemptAt = e.createdAt;
        em.persist(e);
    }
}
