package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Instant;

/** Reads what the providers did: synchronisation runs and received webhooks (ADMIN and RESTRICTED_ADMIN), newest first. */
public interface QueryProviderActivityUseCase {

    /** Filters, each optional; {@code since} inclusive, {@code until} exclusive, on {@code started_at}. */
    record SyncLogFilter(
            ProviderId providerId,
            String entityType,
            String status,
            Instant since,
            Instant until,
            String cursor,
            Integer limit) {}

    /** Filters, each optional; {@code since} inclusive, {@code until} exclusive, on {@code received_at}. */
    record WebhookEventFilter(
            String providerName,
            String eventType,
            String eventId,
            String status,
            Instant since,
            Instant until,
            String cursor,
            Integer limit) {}

    Page<SyncLogRecord> syncLogs(Caller caller, SyncLogFilter filter);

    SyncLogRecord syncLog(Caller caller, SyncLogId id);

    Page<WebhookEventRecord> webhookEvents(Caller caller, WebhookEventFilter filter);

    WebhookEventRecord webhookEvent(Caller caller, WebhookEventId id);
}
