package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.in.RequeueWebhookEventUseCase;
import com.tentabo.prm.application.provider.port.out.ProviderActivityDirectory;
import com.tentabo.prm.application.provider.port.out.WebhookQueueRepository;
import com.tentabo.prm.application.shared.workqueue.WorkQueueAdmin;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

@ApplicationScoped
@Transactional
public class WebhookRequeueService implements RequeueWebhookEventUseCase {

    static final WorkQueueAdmin.Kind WEBHOOK_EVENT = new WorkQueueAdmin.Kind(
            "webhook_event",
            "Webhook event",
            ErrorCode.WEBHOOK_EVENT_NOT_FOUND,
            ErrorCode.WEBHOOK_EVENT_NOT_REQUEUEABLE,
            "Only a failed or ignored webhook event can be processed again; this one is ");

    private final WebhookQueueRepository events;
    private final ProviderActivityDirectory directory;
    private final WorkQueueAdmin admin;

    public WebhookRequeueService(
            WebhookQueueRepository events, ProviderActivityDirectory directory, WorkQueueAdmin admin) {
        this.events = events;
        this.directory = directory;
        this.admin = admin;
    }

    /** A stored status none of {@link WebhookEventStatus}'s (a legacy row) cannot be requeued. */
    @Override
    public WebhookEventRecord requeue(Caller caller, WebhookEventId id) {
        admin.requeue(
                caller,
                id,
                WEBHOOK_EVENT,
                events,
                key -> events.lockStatus(key)
                        .map(status -> new WorkQueueAdmin.Held(
                                WebhookEventStatus.ofWire(status)
                                        .map(WebhookEventStatus::requeueable)
                                        .orElse(false),
                                status,
                                Map.of("status", status),
                                Map.of("status", WebhookEventStatus.PENDING.wireName()))));
        return directory.webhookEvent(id).orElseThrow();
    }
}
