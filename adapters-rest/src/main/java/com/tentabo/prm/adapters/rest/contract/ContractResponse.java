package com.tentabo.prm.adapters.rest.contract;

import com.tentabo.prm.domain.contract.Contract;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record ContractResponse(
        UUID id,
        String contractNumber,
        UUID orderId,
        String status,
        String billingProvider,
        UUID userId,
        UUID partnerId,
        UUID distributorId,
        Instant activationDate,
        Instant expirationDate,
        UUID renewedFromId,
        BigDecimal totalValue,
        String currency,
        Instant createdAt,
        Instant updatedAt,
        Instant cancelledAt,
        long version,
        List<Map<String, Object>> billingInvoices,
        String contractType,
        Integer periodicityMonths,
        BigDecimal valuePerPeriod) {
    public static ContractResponse from(Contract c) {
        return ContractResponseMapper.INSTANCE.toResponse(c);
    }
}
