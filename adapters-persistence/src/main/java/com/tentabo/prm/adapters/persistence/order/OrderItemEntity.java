package com.tentabo.prm.adapters.persistence.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code order_items} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "order_items")
public class OrderItemEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "duration_id", nullable = false)
    public UUID durationId;

    @Column(name = "quantity", nullable = false)
    public Integer quantity;

    @Column(name = "unit_price", nullable = false, precision = 10, scale = 4)
    public BigDecimal unitPrice;

    @Column(name = "discount_percentage", precision = 5, scale = 2)
    public BigDecimal discountPercentage;

    @Column(name = "subtotal", nullable = false, precision = 12, scale = 2)
    public BigDecimal subtotal;

    @Column(name = "discount_amount", precision = 12, scale = 2)
    public BigDecimal discountAmount;

    @Column(name = "total", nullable = false, precision = 12, scale = 2)
    public BigDecimal total;

    @Column(name = "product_name", nullable = false, length = 255)
    public String productName;

    @Column(name = "product_type", nullable = false, length = 100)
    public String productType;

    @Column(name = "product_unit", nullable = false, length = 50)
    public String productUnit;

    @Column(name = "duration_months", nullable = false)
    public Integer durationMonths;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "partner_discount_percentage", nullable = false, precision = 5, scale = 2)
    public BigDecimal partnerDiscountPercentage = BigDecimal.ZERO;

    @Column(name = "registration_bonus_percentage", nullable = false, precision = 5, scale = 2)
    public BigDecimal registrationBonusPercentage = BigDecimal.ZERO;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "price_bands", columnDefinition = "jsonb")
    public List<Map<String, Object>> priceBands;
}
