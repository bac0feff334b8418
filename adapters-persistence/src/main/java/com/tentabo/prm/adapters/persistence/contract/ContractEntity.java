package com.tentabo.prm.adapters.persistence.contract;

import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.contract.ContractType;
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

/** Row of table {@code contracts} (seed schema 1.0.0). Mapped to the domain by hand in the repository adapter. */
@Entity
@Table(name = "contracts")
public class ContractEntity {

    @Id
    @Column(name = "id", nullable = false)
    public UUID id;

    @Column(name = "contract_number", nullable = false, length = 100)
    public String contractNumber;

    /** NOT NULL and unique in schema 1.0.0; nullable and not unique in a database adopted after Alembic b04fa3516d42. */
    @Column(name = "order_id")
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "contractstatus")
    public ContractStatus status;

    @Column(name = "billing_provider", nullable = false, length = 50)
    public String billingProvider;

    @Column(name = "billing_customer_id", length = 255)
    public String billingCustomerId;

    // billing_invoices is not mapped: rows of the old system may hold any JSON there, which a typed mapping would
    // refuse on every read; ContractInvoicesJson reads it as text, defensively, and only the provider sync writes it.

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "billing_metadata", columnDefinition = "jsonb")
    public Map<String, Object> billingMetadata;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "distributor_id")
    public UUID distributorId;

    @Column(name = "activation_date", nullable = false)
    public Instant activationDate;

    @Column(name = "expiration_date")
    public Instant expirationDate;

    @Column(name = "renewed_from_id")
    public UUID renewedFromId;

    @Column(name = "total_value", nullable = false, precision = 12, scale = 2)
    public BigDecimal totalValue;

    @Column(name = "currency", length = 3)
    public String currency;

    @Column(name = "notes_internal", columnDefinition = "text")
    public String notesInternal;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    // Columns of the replaced system's later revisions (V12 adds them where missing): the type is written once, at
    // activation; the cadence is only read. contracts.customer_id, where it exists, is filled by the database
    // (V12's legacy_contract_customer trigger) and not mapped.

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "contract_type", columnDefinition = "contracttype", updatable = false)
    public ContractType contractType;

    @Column(name = "periodicity_months", insertable = false, updatable = false)
    public Integer periodicityMonths;

    @Column(name = "value_per_period", precision = 12, scale = 2, insertable = false, updatable = false)
    public BigDecimal valuePerPeriod;
}
