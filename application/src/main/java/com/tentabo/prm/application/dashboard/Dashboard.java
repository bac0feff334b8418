package com.tentabo.prm.application.dashboard;

import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What {@code GET /api/v1/dashboard} answers. A section the caller's role may not read is null. Amounts are summed per
 * currency as stored (never converted); a lead value stored without a currency is summed under a null currency.
 * The record is the response's JSON as it is (no mirror of it in the REST adapter), so its ids stay {@code UUID}s.
 */
public record Dashboard(
        Instant generatedAt,
        Pipeline pipeline,
        Orders orders,
        Revenue revenue,
        Renewals renewals,
        Bookings bookings,
        Recurring recurring,
        List<TopPartner> topPartners) {

    /** A sum of money in one currency. */
    public record Amount(String currency, BigDecimal amount) {}

    /** Leads per status (every status, zero included) and the open ones (not WON, not LOST) together. */
    public record Pipeline(List<StatusLine<LeadStatus>> byStatus, long openCount, List<Amount> openValue) {}

    /** Orders per status (every status), with their totals including VAT. */
    public record Orders(List<StatusLine<OrderStatus>> byStatus) {}

    /** Net amounts (total less VAT) of the orders fulfilled in each of the last 12 months (UTC), oldest first. */
    public record Revenue(List<Month> months) {}

    public record Month(YearMonth month, long fulfilledOrders, List<Amount> net) {}

    /**
     * ACTIVE contracts with no successor whose term ends within {@code withinDays} (overdue ones included, until the
     * daily expiry job has run), their value, and the soonest {@code soonest.size()} of them.
     */
    public record Renewals(int withinDays, long count, List<Amount> value, List<ContractDue> soonest) {}

    public record ContractDue(
            UUID id,
            String contractNumber,
            ContractStatus status,
            UUID partnerId,
            UUID distributorId,
            Instant expirationDate,
            BigDecimal totalValue,
            String currency) {}

    /** Net amounts (total less VAT) of the orders sent in each of the last 12 months (UTC) and not cancelled since. */
    public record Bookings(List<BookedMonth> months) {}

    public record BookedMonth(YearMonth month, long orders, List<Amount> net) {}

    /**
     * The monthly recurring revenue of the ACTIVE contracts: each one's value over its term in whole months (at least
     * one), to the cent.
     */
    public record Recurring(long activeContracts, List<Amount> monthly) {}

    /** A partner's bookings over the last 12 months in one currency (as {@link Bookings}). */
    public record TopPartner(UUID partnerId, String name, String currency, long orders, BigDecimal net) {}

    public record StatusLine<S extends Enum<S>>(S status, long count, List<Amount> amounts) {}
}
