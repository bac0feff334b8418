package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.in.RequeueWebhookEventUseCase;
import com.tentabo.prm.application.provider.port.out.ProviderActivityDirectory;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class WebhookRequeueService implements RequeueWebhookEventUseCase {

    private final WebhookEventRepository events;
    private final ProviderActivityDirectory directory;
    private final AuditLogRepository audit;
    private final IdGenerator ids;
    private final Clock clock;

    public WebhookRequeueService(
            WebhookEventRepository events,
            ProviderActivityDirectory directory,
            AuditLogRepository audit,
            IdGenerator ids,
            Clock clock) {
        this.events = events;
        this.directory = directory;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public WebhookEventRecord requeue(Caller caller, UUID id) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        String status = events.lockStatus(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.WEBHOOK_EVENT_NOT_FOUND, "Webhook event", id));
        if (!WebhookEventStatus.ofWire(status)
                .map(WebhookEventStatus::requeueable)
                .orElse(false)) {
            throw new DomainException(
                    ErrorCode.WEBHOOK_EVENT_NOT_REQUEUEABLE,
                    "Only a failed or ignored webhook event can be processed again; this one is " + status);
        }
        Instant now = clock.instant();
        events.requeue(id, now);
        audit.append(AuditEntry.by(
                caller,
                ids.newId(),
                "requeue",
                "webhook_event",
                id,
                Changes.diff(Map.of("status", status), Map.of("status", WebhookEventStatus.PENDING.wireName())),
                now));
        return directory.webhookEvent(id).orElseThrow();
    }
}
