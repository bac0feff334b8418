package com.tentabo.prm.application.seams;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository.Received;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the received webhooks' queue does, against the fake and against the JDBC adapter on PostgreSQL: the work
 * queue's contract ({@link WorkQueueRepositoryContract}) with the lower-case statuses of {@code webhook_events}, and
 * what only it has (an event due when received, ignored with a reason, its status read under a lock).
 */
public abstract class WebhookQueueRepositoryContract extends WorkQueueRepositoryContract<WebhookEventId, Received> {

    protected abstract WebhookQueueRepository webhooks();

    /** Stores a received webhook as the intake does: pending, no attempt yet. */
    protected abstract void received(WebhookEventId id, Received event, Instant receivedAt);

    /** The stored status (lower case), attempts and error message of an event. */
    protected abstract StoredEvent stored(WebhookEventId id);

    public record StoredEvent(String status, int attempts, String errorMessage, Instant processedAt) {}

    @Override
    protected WorkQueueRepository<WebhookEventId, Received> queue() {
        return webhooks();
    }

    @Override
    protected WebhookEventId enqueued(Instant at) {
        WebhookEventId id = new WebhookEventId(UUID.randomUUID());
        received(id, new Received("pipedrive", "change.person", "{\"id\": 42}"), at);
        return id;
    }

    @Override
    protected Row row(WebhookEventId id) {
        StoredEvent e = stored(id);
        State state = switch (e.status()) {
            case "pending" -> State.PENDING;
            case "processed" -> State.SUCCEEDED;
            case "failed" -> State.DEAD_LETTERED;
            default -> State.OTHER;
        };
        return new Row(state, e.attempts(), e.errorMessage());
    }

    @Test
    void aClaimedEventCarriesWhatTheProviderSent() {
        WebhookEventId id = new WebhookEventId(UUID.randomUUID());
        received(id, new Received("pipedrive", "change.deal", "{\"id\": 7}"), due);

        assertThat(webhooks().claim(10, due, due.plusSeconds(60)))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.id()).isEqualTo(id);
                    assertThat(c.item().providerName()).isEqualTo("pipedrive");
                    assertThat(c.item().eventType()).isEqualTo("change.deal");
                    assertThat(c.item().payloadJson()).contains("\"id\"").contains("7");
                });
        assertThat(webhooks().lockStatus(id)).contains("pending");
        assertThat(webhooks().lockStatus(new WebhookEventId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void anEventEndsIgnoredWithOrWithoutAReasonAndProcessedWithItsTime() {
        WebhookEventId echo = enqueued(due);
        WebhookEventId unknown = enqueued(due);
        WebhookEventId applied = enqueued(due);
        webhooks().claim(10, due, due.plusSeconds(60));

        webhooks().settle(echo, WebhookEventStatus.IGNORED, "the echo of the PRM's own write", due.plusSeconds(1));
        webhooks().settle(unknown, WebhookEventStatus.IGNORED, null, due.plusSeconds(2));
        webhooks().succeeded(applied, due.plusSeconds(3));

        assertThat(stored(echo))
                .isEqualTo(new StoredEvent("ignored", 1, "the echo of the PRM's own write", due.plusSeconds(1)));
        assertThat(stored(unknown)).isEqualTo(new StoredEvent("ignored", 1, null, due.plusSeconds(2)));
        assertThat(stored(applied)).isEqualTo(new StoredEvent("processed", 1, null, due.plusSeconds(3)));
        assertThat(webhooks().lockStatus(echo)).contains("ignored");

        webhooks().requeue(echo, due.plusSeconds(10));
        assertThat(stored(echo)).isEqualTo(new StoredEvent("pending", 0, "the echo of the PRM's own write", null));
    }
}
