package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.domain.lead.LeadStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code lead_status_history} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "lead_status_history")
public class LeadStatusHistoryEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "old_status", columnDefinition = "leadstatus")
    public LeadStatus oldStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "new_status", nullable = false, columnDefinition = "leadstatus")
    public LeadStatus newStatus;

    @Column(name = "changed_by_user_id")
    public UUID changedByUserId;

    @Column(name = "reason", columnDefinition = "text")
    public String reason;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
