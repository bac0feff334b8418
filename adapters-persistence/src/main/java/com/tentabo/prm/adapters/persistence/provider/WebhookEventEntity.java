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

/** Row of table {@code webhook_events} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "webhook_events")
public class WebhookEventEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "provider_name", nullable = false, length = 50)
    public String providerName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "provider_type", nullable = false, columnDefinition = "providertype")
    public ProviderType providerType;

    @Column(name = "event_type", nullable = false, length = 100)
    public String eventType;

    @Column(name = "event_id", length = 255)
    public String eventId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payload", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> payload;

    @Column(name = "status", nullable = false, length = 20)
    public String status;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(name = "error_message", columnDefinition = "text")
    public String errorMessage;

    @Column(name = "ip_address", length = 45)
    public String ipAddress;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "headers", columnDefinition = "jsonb")
    public Map<String, Object> headers;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
