package com.tentabo.prm.adapters.persistence.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code lead_notes} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "lead_notes")
public class LeadNoteEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(name = "provider_name", length = 50)
    public String providerName;

    @Column(name = "provider_id", length = 255)
    public String providerId;

    @Column(name = "content", nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "created_by_user_id")
    public UUID createdByUserId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
