package com.tentabo.prm.bootstrap.seams;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository.Received;
import com.tentabo.prm.application.seams.WebhookQueueRepositoryContract;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.provider.ProviderType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * {@link WebhookQueueRepositoryContract} against the persistence adapter on the real PostgreSQL (events stored by the
 * intake's insert, read back from {@code webhook_events}), each test in a transaction rolled back at its end; the
 * in-memory fake passes the same assertions in {@code application-fakes}.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class JdbcWebhookEventQueueTest extends WebhookQueueRepositoryContract implements RolledBackPerTest {

    @Override
    protected WebhookQueueRepository webhooks() {
        return bean(WebhookQueueRepository.class);
    }

    @Override
    protected void received(WebhookEventId id, Received event, Instant receivedAt) {
        bean(WebhookEventRepository.class)
                .insert(
                        id,
                        event.providerName(),
                        ProviderType.CRM,
                        new ParsedWebhook("contract-" + id, event.eventType(), event.payloadJson()),
                        Map.of("content-type", "application/json"),
                        "203.0.113.7",
                        receivedAt);
    }

    @Override
    protected StoredEvent stored(WebhookEventId id) {
        Object[] row = (Object[]) bean(EntityManager.class)
                .createNativeQuery(
                        "SELECT status, attempts, error_message, processed_at FROM webhook_events WHERE id = ?1")
                .setParameter(1, id.value())
                .getSingleResult();
        return new StoredEvent((String) row[0], ((Number) row[1]).intValue(), (String) row[2], instant(row[3]));
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        if (value instanceof Timestamp at) {
            return at.toInstant();
        }
        throw new IllegalStateException("processed_at read as " + value.getClass());
    }
}
