package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import com.tentabo.prm.domain.id.WebhookEventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code provider_sync_logs} and {@code webhook_events}, read only; lists newest first, ties broken by id. */
public interface ProviderActivityDirectory {

    /** Null means "any"; the cursor is the (time, id) of the last row of the previous page. */
    record SyncLogQuery(
            ProviderId providerId,
            String entityType,
            String status,
            Instant since,
            Instant until,
            Instant cursorAt,
            UUID cursorId,
            int limit) {}

    record WebhookEventQuery(
            String providerName,
            String eventType,
            String eventId,
            String status,
            Instant since,
            Instant until,
            Instant cursorAt,
            UUID cursorId,
            int limit) {}

    List<SyncLogRecord> syncLogs(SyncLogQuery query);

    Optional<SyncLogRecord> syncLog(SyncLogId id);

    List<WebhookEventRecord> webhookEvents(WebhookEventQuery query);

    Optional<WebhookEventRecord> webhookEvent(WebhookEventId id);
}
