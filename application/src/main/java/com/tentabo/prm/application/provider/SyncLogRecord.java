package com.tentabo.prm.application.provider;

import java.time.Instant;
import java.util.UUID;

/**
 * One {@code provider_sync_logs} row as stored: a synchronisation run of a provider (which provider, what was synced,
 * how many records, the errors as the JSON text the row holds). {@code providerName} comes from the provider's config.
 */
public record SyncLogRecord(
        UUID id,
        UUID providerId,
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
