package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.adapters.persistence.shared.BooleanStringConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of table {@code products} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "products")
public class ProductEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "name", nullable = false, length = 255)
    public String name;

    @Column(name = "type", nullable = false, length = 100)
    public String type;

    @Column(name = "unit", nullable = false, length = 50)
    public String unit;

    @Column(name = "description", columnDefinition = "text")
    public String description;

    @Convert(converter = BooleanStringConverter.class)
    @Column(name = "is_active", nullable = false, length = 10)
    public Boolean isActive;

    /** The same column as stored, read only: the list filters on it with every spelling {@link #isActive} reads. */
    @Column(name = "is_active", insertable = false, updatable = false)
    public String isActiveAsStored;

    /** Added by V2: {@code VOLUME} (default) or {@code GRADUATED}. */
    @Column(name = "pricing_mode", nullable = false, length = 20)
    public String pricingMode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
