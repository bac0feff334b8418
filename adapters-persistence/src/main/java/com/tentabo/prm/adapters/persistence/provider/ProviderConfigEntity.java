package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code provider_configs} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "provider_configs")
public class ProviderConfigEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "provider_type", nullable = false, columnDefinition = "providertype")
    public ProviderType providerType;

    @Column(name = "provider_name", nullable = false, length = 50)
    public String providerName;

    @Column(name = "is_active", nullable = false)
    public Boolean isActive;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "configuration", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> configuration;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "credentials", columnDefinition = "jsonb")
    public Map<String, Object> credentials;

    @Column(name = "health_status", length = 20)
    public String healthStatus;

    @Column(name = "last_health_check")
    public Instant lastHealthCheck;

    @Column(name = "health_check_error", columnDefinition = "text")
    public String healthCheckError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
