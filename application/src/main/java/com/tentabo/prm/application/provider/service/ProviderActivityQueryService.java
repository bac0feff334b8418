package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.application.provider.port.in.QueryProviderActivityUseCase;
import com.tentabo.prm.application.provider.port.out.ProviderActivityDirectory;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.application.shared.workqueue.WorkQueueAdmin;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.SyncLogId;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
@Transactional
public class ProviderActivityQueryService implements QueryProviderActivityUseCase {

    private final ProviderActivityDirectory directory;
    private final WorkQueueAdmin admin;

    public ProviderActivityQueryService(ProviderActivityDirectory directory, WorkQueueAdmin admin) {
        this.directory = directory;
        this.admin = admin;
    }

    @Override
    public Page<SyncLogRecord> syncLogs(Caller caller, SyncLogFilter filter) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return Page.read(
                filter.cursor(),
                filter.limit(),
                filter.since(),
                filter.until(),
                keyset -> directory.syncLogs(new ProviderActivityDirectory.SyncLogQuery(
                        filter.providerId(),
                        Filters.text("entity_type", filter.entityType(), 50),
                        Filters.text("status", filter.status(), 20),
                        filter.since(),
                        filter.until(),
                        keyset.cursorAt(),
                        keyset.cursorId(),
                        keyset.rows())),
                SyncLogRecord::startedAt,
                log -> log.id().value());
    }

    @Override
    public SyncLogRecord syncLog(Caller caller, SyncLogId id) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return directory
                .syncLog(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.SYNC_LOG_NOT_FOUND, "Sync log", id));
    }

    @Override
    public Page<WebhookEventRecord> webhookEvents(Caller caller, WebhookEventFilter filter) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return Page.read(
                filter.cursor(),
                filter.limit(),
                filter.since(),
                filter.until(),
                keyset -> directory.webhookEvents(new ProviderActivityDirectory.WebhookEventQuery(
                        Filters.text("provider_name", filter.providerName(), 50),
                        Filters.text("event_type", filter.eventType(), 100),
                        Filters.text("event_id", filter.eventId(), 255),
                        Filters.text("status", filter.status(), 20),
                        filter.since(),
                        filter.until(),
                        keyset.cursorAt(),
                        keyset.cursorId(),
                        keyset.rows())),
                WebhookEventRecord::receivedAt,
                event -> event.id().value());
    }

    @Override
    public WebhookEventRecord webhookEvent(Caller caller, WebhookEventId id) {
        return admin.item(caller, id, WebhookRequeueService.WEBHOOK_EVENT, directory::webhookEvent);
    }
}
