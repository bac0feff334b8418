package com.tentabo.prm.adapters.persistence.company;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code distributor_partners} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "distributor_partners")
public class DistributorPartnerEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "distributor_id", nullable = false)
    public UUID distributorId;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "assigned_by")
    public UUID assignedBy;

    @Column(name = "is_active", nullable = false)
    public Boolean isActive;

    @Column(name = "notes", columnDefinition = "text")
    public String notes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
