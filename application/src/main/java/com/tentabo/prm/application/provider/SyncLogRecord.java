package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import java.time.Instant;

/**
 * One {@code provider_sync_logs} row as stored: a synchronisation run of a provider (which provider, what was synced,
 * how many records, the errors as the JSON text the row holds). {@code providerName} comes from the provider's config.
 */
public record SyncLogRecord(
        SyncLogId id,
        ProviderId providerId,
        String providerName,
        String syncType,
        String entityType,
        String direction,
        Integer recordsSynced,
        Integer recordsFailed,
        String errorDetailsJson,
        String status,
        Instant startedAt,
        Instant completedAt) {}
