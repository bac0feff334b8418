package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.SyncRunStatus;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository;
import com.tentabo.prm.domain.id.ProviderId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JdbcSyncLogRepository implements SyncLogRepository {

    private final EntityManager em;

    public JdbcSyncLogRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Instant> lastSuccessStart(ProviderId providerId, String entityType) {
        return SqlRows.query(
                        em,
                        "SELECT max(started_at) FROM provider_sync_logs WHERE provider_id = ? AND entity_type = ? "
                                + "AND status = '" + stored(SyncRunStatus.SUCCESS) + "'",
                        List.of(providerId.value(), entityType),
                        rs -> SqlRows.instant(rs, 1))
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    @Override
    public Optional<String> lastCursor(ProviderId providerId, String entityType) {
        return SqlRows.query(
                        em,
                        "SELECT cursor FROM provider_sync_logs WHERE provider_id = ? AND entity_type = ? "
                                + "AND cursor IS NOT NULL ORDER BY started_at DESC, id DESC LIMIT 1",
                        List.of(providerId.value(), entityType),
                        rs -> rs.getString(1))
                .stream()
                .findFirst();
    }

    @Override
    public void insert(SyncRun run) {
        em.createNativeQuery("INSERT INTO provider_sync_logs (id, provider_id, sync_type, entity_type, direction, "
                        + "records_synced, records_failed, error_details, status, started_at, completed_at, cursor) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb), ?9, ?10, ?11, ?12)")
                .setParameter(1, run.id().value())
                .setParameter(2, run.providerId().value())
                .setParameter(3, run.syncType())
                .setParameter(4, run.entityType())
                .setParameter(5, run.direction())
                .setParameter(6, run.recordsSynced())
                .setParameter(7, run.recordsFailed())
                .setParameter(8, run.errorDetailsJson())
                .setParameter(9, stored(run.status()))
                .setParameter(10, Timestamp.from(run.startedAt()))
                .setParameter(11, Timestamp.from(run.completedAt()))
                .setParameter(12, run.cursor())
                .executeUpdate();
    }

    /** A run's status as {@code provider_sync_logs.status} stores it: the seed's strings, exactly. */
    static String stored(SyncRunStatus status) {
        return switch (status) {
            case SUCCESS -> "success";
            case PARTIAL -> "partial";
            case FAILED -> "failed";
        };
    }
}
