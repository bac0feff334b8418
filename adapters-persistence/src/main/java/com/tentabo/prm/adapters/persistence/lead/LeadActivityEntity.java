package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.adapters.persistence.shared.BooleanStringConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code lead_activities} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "lead_activities")
public class LeadActivityEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "provider_name", nullable = false, length = 50)
    public String providerName;

    @Column(name = "provider_id", length = 255)
    public String providerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "provider_metadata", columnDefinition = "jsonb")
    // any JSON the replaced system stored (an object, but also an array or a scalar): a Map when it is an object
    public Object providerMetadata;

    @Column(name = "activity_type", nullable = false, length = 50)
    public String activityType;

    @Column(name = "subject", length = 255)
    public String subject;

    @Column(name = "description", columnDefinition = "text")
    public String description;

    @Column(name = "due_date")
    public Instant dueDate;

    @Convert(converter = BooleanStringConverter.class)
    @Column(name = "done", length = 10)
    public Boolean done;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
