package com.tentabo.prm.application.dashboard.port.out;

import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.PartnerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Aggregates for the dashboard, each restricted to a tenant scope. */
public interface DashboardDirectory {

    /** One group of a sum: a key (a status name, or a month {@code YYYY-MM} in UTC), a currency, a count, a sum. */
    record Sum(String key, String currency, long count, BigDecimal amount) {}

    /** Leads by status and currency; the sum is of {@code value} (null values count but add nothing). */
    List<Sum> leadsByStatus(TenantScope scope);

    /** Orders by status and currency, summing {@code total_amount}; {@code sentOnly}: only orders that were sent. */
    List<Sum> ordersByStatus(TenantScope scope, boolean sentOnly);

    /**
     * Orders fulfilled in the UTC month of {@code since} (the first instant of a UTC month) or later, by UTC month and
     * currency, summing total less tax.
     */
    List<Sum> fulfilledByMonth(TenantScope scope, boolean sentOnly, Instant since);

    /** Orders sent and not cancelled, by UTC month of sending (from the month of {@code since}), summing total less tax. */
    List<Sum> bookedByMonth(TenantScope scope, Instant since);

    /** ACTIVE contracts by currency (key {@code ACTIVE}), summing each one's monthly recurring revenue. */
    List<Sum> recurringRevenue(TenantScope scope);

    /** A partner's bookings in one currency. */
    record PartnerSum(PartnerId partnerId, String partnerName, String currency, long count, BigDecimal amount) {}

    /**
     * The {@code limit} partners with the largest bookings (as {@link #bookedByMonth}) from the month of {@code since},
     * per currency, largest first.
     */
    List<PartnerSum> topPartners(TenantScope scope, Instant since, int limit);

    /** ACTIVE contracts without a successor ending before {@code before}: by currency (key null), summing value. */
    List<Sum> renewalsDue(TenantScope scope, Instant before);

    /** The {@code limit} of those that end first (then by contract number). */
    List<Dashboard.ContractDue> soonestRenewals(TenantScope scope, Instant before, int limit);

    /** Moves the summary's recorded changes into its totals; returns how many were moved. */
    long fold();
}
