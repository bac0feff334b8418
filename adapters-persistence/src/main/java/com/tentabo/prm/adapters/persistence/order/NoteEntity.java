package com.tentabo.prm.adapters.persistence.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code notes} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "notes")
public class NoteEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "content", nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "is_internal", nullable = false)
    public Boolean isInternal;

    @Column(name = "is_pinned")
    public Boolean isPinned;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
