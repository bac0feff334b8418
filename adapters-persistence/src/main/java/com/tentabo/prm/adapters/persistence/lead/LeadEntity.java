package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.domain.lead.LeadStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code leads} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "leads")
public class LeadEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "provider_name", nullable = false, length = 50)
    public String providerName;

    @Column(name = "provider_id", length = 255)
    public String providerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "provider_metadata", columnDefinition = "jsonb")
    // any JSON the replaced system stored (an object, but also an array or a scalar): a Map when it is an object
    public Object providerMetadata;

    @Column(name = "title", nullable = false, length = 255)
    public String title;

    @Column(name = "organization", nullable = false, length = 255)
    public String organization;

    @Column(name = "contact_name", nullable = false, length = 255)
    public String contactName;

    @Column(name = "contact_email", length = 255)
    public String contactEmail;

    @Column(name = "contact_phone", length = 50)
    public String contactPhone;

    @Column(name = "value", precision = 12, scale = 2)
    public BigDecimal value;

    @Column(name = "currency", length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "leadstatus")
    public LeadStatus status;

    @Column(name = "probability")
    public Integer probability;

    @Column(name = "expected_close_date")
    public Instant expectedCloseDate;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "distributor_id")
    public UUID distributorId;

    @Column(name = "last_sync_at")
    public Instant lastSyncAt;

    @Column(name = "sync_status", length = 20)
    public String syncStatus;

    @Column(name = "sync_error", columnDefinition = "text")
    public String syncError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
