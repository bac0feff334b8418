package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.domain.order.OrderStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of table {@code orders} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "orders")
public class OrderEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "order_number", nullable = false, length = 100)
    public String orderNumber;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "orderstatus")
    public OrderStatus status;

    @Column(name = "billing_provider", length = 50)
    public String billingProvider;

    @Column(name = "billing_quote_id", length = 255)
    public String billingQuoteId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "billing_metadata", columnDefinition = "jsonb")
    public Map<String, Object> billingMetadata;

    @Column(name = "crm_provider", length = 50)
    public String crmProvider;

    @Column(name = "crm_deal_id", length = 255)
    public String crmDealId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "crm_metadata", columnDefinition = "jsonb")
    public Map<String, Object> crmMetadata;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "distributor_id")
    public UUID distributorId;

    @Column(name = "lead_id")
    public UUID leadId;

    @Column(name = "subtotal", precision = 12, scale = 2)
    public BigDecimal subtotal;

    @Column(name = "discount_amount", precision = 12, scale = 2)
    public BigDecimal discountAmount;

    @Column(name = "tax_amount", precision = 12, scale = 2)
    public BigDecimal taxAmount;

    @Column(name = "total_amount", precision = 12, scale = 2)
    public BigDecimal totalAmount;

    @Column(name = "notes_internal", columnDefinition = "text")
    public String notesInternal;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "currency", nullable = false, length = 3)
    public String currency;

    @Column(name = "tax_rate", precision = 5, scale = 2)
    public BigDecimal taxRate;

    @Column(name = "kind", nullable = false, length = 20)
    public String kind;

    @Column(name = "replaces_contract_id")
    public UUID replacesContractId;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
