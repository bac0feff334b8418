package com.tentabo.prm.application.dashboard.service;

import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.application.dashboard.port.in.FoldDashboardTotalsUseCase;
import com.tentabo.prm.application.dashboard.port.in.ViewDashboardUseCase;
import com.tentabo.prm.application.dashboard.port.out.DashboardDirectory;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.order.OrderStatus;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Assembles the dashboard from the directory's sums. Each section needs the capability that reading its records
 * needs (leads for the pipeline, orders for orders and revenue, contracts for renewals) and sums only what the
 * caller could list: the same tenant scope, and for a FULFILLER only orders that were sent.
 */
@ApplicationScoped
@Transactional
public class DashboardService implements ViewDashboardUseCase, FoldDashboardTotalsUseCase {

    static final int DEFAULT_WITHIN_DAYS = 60;
    static final int MAX_WITHIN_DAYS = 3660;
    static final int SOONEST = 10;
    static final int MONTHS = 12;
    static final int TOP_PARTNERS = 10;

    private final DashboardDirectory directory;
    private final Clock clock;

    public DashboardService(DashboardDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Dashboard view(Caller caller, Integer expiringWithinDays) {
        int days = expiringWithinDays == null ? DEFAULT_WITHIN_DAYS : expiringWithinDays;
        if (days < 0 || days > MAX_WITHIN_DAYS) {
            throw DomainException.invalid("expiring_within_days", "must be between 0 and " + MAX_WITHIN_DAYS);
        }
        boolean leads = AccessPolicy.can(caller, Capability.LEADS_READ);
        boolean orders = AccessPolicy.can(caller, Capability.ORDERS_READ);
        boolean contracts = AccessPolicy.can(caller, Capability.CONTRACTS_READ);
        if (!leads && !orders && !contracts) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Your role reads none of the dashboard's records");
        }
        Instant now = clock.instant();
        TenantScope scope = AccessPolicy.scopeOf(caller);
        boolean sentOnly = caller.role() == Role.FULFILLER;
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        YearMonth first = current.minusMonths(MONTHS - 1L);
        Instant since = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean severalPartners = !(scope instanceof TenantScope.OfPartner);
        return new Dashboard(
                now,
                leads ? pipeline(directory.leadsByStatus(scope)) : null,
                orders
                        ? new Dashboard.Orders(byStatus(OrderStatus.class, directory.ordersByStatus(scope, sentOnly)))
                        : null,
                orders ? revenue(directory.fulfilledByMonth(scope, sentOnly, since), first, current) : null,
                contracts ? renewals(scope, now, days) : null,
                orders ? bookings(directory.bookedByMonth(scope, since), first, current) : null,
                contracts ? recurring(directory.recurringRevenue(scope)) : null,
                orders && severalPartners
                        ? directory.topPartners(scope, since, TOP_PARTNERS).stream()
                                .map(p -> new Dashboard.TopPartner(
                                        p.partnerId().value(), p.partnerName(), p.currency(), p.count(), p.amount()))
                                .toList()
                        : null);
    }

    @Override
    public long fold() {
        return directory.fold();
    }

    private static Dashboard.Pipeline pipeline(List<DashboardDirectory.Sum> sums) {
        List<DashboardDirectory.Sum> open =
                sums.stream().filter(s -> LeadStatus.valueOf(s.key()).isOpen()).toList();
        return new Dashboard.Pipeline(byStatus(LeadStatus.class, sums), count(open), amounts(open));
    }

    private static Dashboard.Revenue revenue(List<DashboardDirectory.Sum> sums, YearMonth first, YearMonth current) {
        return new Dashboard.Revenue(byMonth(
                sums,
                first,
                current,
                (month, ofMonth) -> new Dashboard.Month(month, count(ofMonth), amounts(ofMonth))));
    }

    private static Dashboard.Bookings bookings(List<DashboardDirectory.Sum> sums, YearMonth first, YearMonth current) {
        return new Dashboard.Bookings(byMonth(
                sums,
                first,
                current,
                (month, ofMonth) -> new Dashboard.BookedMonth(month, count(ofMonth), amounts(ofMonth))));
    }

    private static Dashboard.Recurring recurring(List<DashboardDirectory.Sum> sums) {
        return new Dashboard.Recurring(count(sums), amounts(sums));
    }

    /** One entry per month from {@code first} to {@code current}, oldest first, from the sums keyed by month. */
    private static <M> List<M> byMonth(
            List<DashboardDirectory.Sum> sums,
            YearMonth first,
            YearMonth current,
            BiFunction<YearMonth, List<DashboardDirectory.Sum>, M> line) {
        Map<String, List<DashboardDirectory.Sum>> byMonth = new TreeMap<>();
        for (DashboardDirectory.Sum sum : sums) {
            byMonth.computeIfAbsent(sum.key(), k -> new ArrayList<>()).add(sum);
        }
        List<M> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
            months.add(line.apply(month, byMonth.getOrDefault(month.toString(), List.of())));
        }
        return months;
    }

    private Dashboard.Renewals renewals(TenantScope scope, Instant now, int days) {
        Instant before = now.plus(Duration.ofDays(days));
        List<DashboardDirectory.Sum> due = directory.renewalsDue(scope, before);
        return new Dashboard.Renewals(
                days, count(due), amounts(due), directory.soonestRenewals(scope, before, SOONEST));
    }

    /** One line per value of the enum, in its order, zero when no sum has it. */
    private static <S extends Enum<S>> List<Dashboard.StatusLine<S>> byStatus(
            Class<S> type, List<DashboardDirectory.Sum> sums) {
        List<Dashboard.StatusLine<S>> lines = new ArrayList<>();
        for (S status : type.getEnumConstants()) {
            List<DashboardDirectory.Sum> ofStatus =
                    sums.stream().filter(s -> status.name().equals(s.key())).toList();
            lines.add(new Dashboard.StatusLine<>(status, count(ofStatus), amounts(ofStatus)));
        }
        return lines;
    }

    private static long count(List<DashboardDirectory.Sum> sums) {
        return sums.stream().mapToLong(DashboardDirectory.Sum::count).sum();
    }

    /**
     * The sums added up per currency, currencies in alphabetical order (a null currency last). A group whose sum is
     * null (only null lead values) shows no amount, unless the currency has other values.
     */
    private static List<Dashboard.Amount> amounts(List<DashboardDirectory.Sum> sums) {
        Map<String, BigDecimal> total = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (DashboardDirectory.Sum sum : sums) {
            if (sum.amount() != null) {
                total.merge(sum.currency(), sum.amount(), BigDecimal::add);
            }
        }
        return total.entrySet().stream()
                .map(e -> new Dashboard.Amount(e.getKey(), e.getValue()))
                .toList();
    }
}
