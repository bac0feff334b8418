package com.tentabo.prm.adapters.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code durations} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "durations")
public class DurationEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "months", nullable = false)
    public Integer months;

    @Column(name = "discount_percentage", nullable = false, precision = 5, scale = 2)
    public BigDecimal discountPercentage;

    @Column(name = "name", nullable = false, length = 100)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
