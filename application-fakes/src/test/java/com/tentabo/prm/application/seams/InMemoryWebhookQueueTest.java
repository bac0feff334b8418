package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.fakes.InMemoryWebhookQueue;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository.Received;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Instant;

/** {@link WebhookQueueRepositoryContract} against the in-memory fake (the JDBC adapter runs it in bootstrap). */
class InMemoryWebhookQueueTest extends WebhookQueueRepositoryContract {

    final InMemoryWebhookQueue webhooks = new InMemoryWebhookQueue();

    @Override
    protected WebhookQueueRepository webhooks() {
        return webhooks;
    }

    @Override
    protected void received(WebhookEventId id, Received event, Instant receivedAt) {
        webhooks.received(id, event, receivedAt);
    }

    @Override
    protected StoredEvent stored(WebhookEventId id) {
        InMemoryWebhookQueue.Row r = webhooks.row(id).orElseThrow();
        return new StoredEvent(r.status().wireName(), r.attempts(), r.errorMessage(), r.processedAt());
    }
}
