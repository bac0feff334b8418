package com.tentabo.prm.adapters.rest.contract;

import com.tentabo.prm.domain.contract.Contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record ContractResponse(UUID id, String contractNumber, UUID orderId, String status, String billingProvider,
                               UUID userId, UUID partnerId, UUID distributorId, Instant activationDate,
                               Instant expirationDate, UUID renewedFromId, BigDecimal totalValue, String currency,
                               Instant createdAt, Instant updatedAt, Instant cancelledAt, long version,
                               List<Map<String, Object>> billingInvoices, String contractType,
                               Integer periodicityMonths, BigDecimal valuePerPeriod) {
    public static ContractResponse from(Contract c) {
        return new ContractResponse(c.id(), c.number(), c.orderId(), c.status().name().toLowerCase(java.util.Locale.ROOT),
                c.billingProvider(), c.userId(), c.tenant().partnerId(), c.tenant().distributorId(), c.activationDate(),
                c.expirationDate(), c.renewedFromId(), c.totalValue().amount(), c.currencyCode(), c.createdAt(), c.updatedAt(),
                c.cancelledAt(), c.version(), c.billingInvoices().items(),
                c.terms().type() == null ? null : c.terms().type().name().toLowerCase(java.util.Locale.ROOT), c.terms().periodicityMonths(),
                c.terms().valuePerPeriod());
    }
}
