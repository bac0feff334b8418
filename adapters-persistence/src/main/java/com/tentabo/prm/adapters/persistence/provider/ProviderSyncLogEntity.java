package com.tentabo.prm.adapters.persistence.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code provider_sync_logs} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "provider_sync_logs")
public class ProviderSyncLogEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "provider_id", nullable = false)
    public UUID providerId;

    @Column(name = "sync_type", nullable = false, length = 50)
    public String syncType;

    @Column(name = "entity_type", nullable = false, length = 50)
    public String entityType;

    @Column(name = "direction", nullable = false, length = 20)
    public String direction;

    @Column(name = "records_synced")
    public Integer recordsSynced;

    @Column(name = "records_failed")
    public Integer recordsFailed;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "error_details", columnDefinition = "jsonb")
    public Map<String, Object> errorDetails;

    @Column(name = "status", nullable = false, length = 20)
    public String status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
