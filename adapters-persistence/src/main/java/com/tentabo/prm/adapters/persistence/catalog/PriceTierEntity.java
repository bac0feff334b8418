package com.tentabo.prm.adapters.persistence.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code price_tiers} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "price_tiers")
public class PriceTierEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "min_quantity", nullable = false)
    public Integer minQuantity;

    @Column(name = "max_quantity")
    public Integer maxQuantity;

    @Column(name = "price_per_unit", nullable = false, precision = 10, scale = 4)
    public BigDecimal pricePerUnit;

    @Column(name = "period", nullable = false, length = 20)
    public String period;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
