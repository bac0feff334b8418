package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.SyncRunStatus;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import java.time.Instant;
import java.util.Optional;

/** Writes synchronisation runs ({@code provider_sync_logs}); they are read through {@link ProviderActivityDirectory}. */
public interface SyncLogRepository {

    /** One run: {@code errorDetailsJson} null or a JSON object as text. */
    record SyncRun(
            SyncLogId id,
            ProviderId providerId,
            String syncType,
            String entityType,
            String direction,
            int recordsSynced,
            int recordsFailed,
            String errorDetailsJson,
            SyncRunStatus status,
            Instant startedAt,
            Instant completedAt,
            String cursor) {
        /** A run that leaves no cursor (it starts again from its own rule next time). */
        public SyncRun(
                SyncLogId id,
                ProviderId providerId,
                String syncType,
                String entityType,
                String direction,
                int recordsSynced,
                int recordsFailed,
                String errorDetailsJson,
                SyncRunStatus status,
                Instant startedAt,
                Instant completedAt) {
            this(
                    id,
                    providerId,
                    syncType,
                    entityType,
                    direction,
                    recordsSynced,
                    recordsFailed,
                    errorDetailsJson,
                    status,
                    startedAt,
                    completedAt,
                    null);
        }
    }

    /** The cursor of the newest run of the provider for the entity type that recorded one, if any. */
    Optional<String> lastCursor(ProviderId providerId, String entityType);

    /** When the last run of the provider for the entity type that ended {@code success} started, if any. */
    Optional<Instant> lastSuccessStart(ProviderId providerId, String entityType);

    void insert(SyncRun run);
}
