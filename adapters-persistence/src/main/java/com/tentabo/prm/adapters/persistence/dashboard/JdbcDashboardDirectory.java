package com.tentabo.prm.adapters.persistence.dashboard;

import com.tentabo.prm.adapters.persistence.shared.ScopeClauses;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.application.dashboard.port.out.DashboardDirectory;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.ContractStatus;
import com.tentabo.prm.domain.id.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard's sums in SQL, on the transaction's connection, each restricted by {@link ScopeClauses#sql}. The
 * pipeline, order and month figures read the summary rows that triggers keep (migration V28: {@code dashboard_totals},
 * or for everything its {@code dashboard_rollup}, plus the not yet folded {@code dashboard_deltas}, in one statement,
 * so exact at the statement's snapshot); the
 * renewals read the contracts themselves (a moving date window, through the expiration index). Months are UTC months.
 * The statements are built by the static methods (also used by the dashboard benchmark), then run here.
 */
@ApplicationScoped
public class JdbcDashboardDirectory implements DashboardDirectory {

    /** A statement with its positional parameters. */
    public record Query(String sql, List<Object> params) {}

    static final String RENEWAL_DUE = " FROM contracts c WHERE c.status = 'ACTIVE' AND c.expiration_date <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM contracts s WHERE s.renewed_from_id = c.id)";
    /** The summary rows of one kind: the folded totals and the deltas not folded yet. */
    static final String SUMMARY =
            " FROM (SELECT * FROM dashboard_totals UNION ALL SELECT * FROM dashboard_deltas) t" + " WHERE t.kind = ?";
    /** The same for everything (no tenant restriction): the rollup of the totals and the deltas not folded yet. */
    static final String EVERYTHING = " FROM (SELECT kind, bucket, currency, row_count, valued_count, amount"
            + " FROM dashboard_rollup UNION ALL SELECT kind, bucket, currency, row_count, valued_count, amount"
            + " FROM dashboard_deltas) t WHERE t.kind = ?";
    /** Per group: count, and the sum of amounts (null when no row of the group had one, like SQL's sum). */
    static final String SUMS = "SELECT t.bucket, t.currency, sum(t.row_count)::bigint, "
            + "CASE WHEN sum(t.valued_count) = 0 THEN NULL ELSE sum(t.amount) END";

    static final String GROUPS = " GROUP BY 1, 2 HAVING sum(t.row_count) <> 0";

    private final EntityManager em;

    public JdbcDashboardDirectory(EntityManager em) {
        this.em = em;
    }

    static Query summary(String kind, TenantScope scope, String since) {
        List<Object> params = new ArrayList<>();
        params.add(kind);
        String months = "";
        if (since != null) {
            params.add(since);
            months = " AND t.bucket >= ?";
        }
        String where = ScopeClauses.sql(scope, "t", params);
        boolean everything = scope instanceof TenantScope.Everything;
        return new Query(SUMS + (everything ? EVERYTHING : SUMMARY) + months + where + GROUPS, params);
    }

    /** The UTC month ({@code YYYY-MM}) of an instant. */
    static String month(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC)).toString();
    }

    public static Query leadsByStatusQuery(TenantScope scope) {
        return summary("leads", scope, null);
    }

    public static Query ordersByStatusQuery(TenantScope scope, boolean sentOnly) {
        return summary(sentOnly ? "orders_sent" : "orders", scope, null);
    }

    public static Query fulfilledByMonthQuery(TenantScope scope, boolean sentOnly, Instant since) {
        return summary(sentOnly ? "fulfilled_sent" : "fulfilled", scope, month(since));
    }

    public static Query bookedByMonthQuery(TenantScope scope, Instant since) {
        return summary("booked", scope, month(since));
    }

    public static Query recurringRevenueQuery(TenantScope scope) {
        return summary("mrr", scope, null);
    }

    public static Query topPartnersQuery(TenantScope scope, Instant since, int limit) {
        List<Object> params = new ArrayList<>();
        params.add("booked");
        params.add(month(since));
        String where = ScopeClauses.sql(scope, "t", params);
        return new Query(
                "SELECT x.partner_id, p.name, x.currency, x.n, x.a FROM (SELECT t.partner_id, t.currency, "
                        + "sum(t.row_count)::bigint AS n, sum(t.amount) AS a" + SUMMARY
                        + " AND t.bucket >= ? AND t.partner_id IS NOT NULL"
                        + where + " GROUP BY 1, 2 HAVING sum(t.row_count) <> 0 ORDER BY a DESC, 1, 2 LIMIT " + limit
                        + ") x JOIN partners p ON p.id = x.partner_id ORDER BY x.a DESC, p.name, x.partner_id, x.currency",
                params);
    }

    public static Query renewalsDueQuery(TenantScope scope, Instant before) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(before));
        String where = ScopeClauses.sql(scope, "c", params);
        return new Query(
                "SELECT NULL, c.currency, count(*), sum(c.total_value)" + RENEWAL_DUE + where + " GROUP BY 2", params);
    }

    public static Query soonestRenewalsQuery(TenantScope scope, Instant before, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(before));
        return new Query(
                "SELECT c.id, c.contract_number, c.status::text, c.partner_id, c.distributor_id, "
                        + "c.expiration_date, c.total_value, c.currency" + RENEWAL_DUE
                        + ScopeClauses.sql(scope, "c", params)
                        + " ORDER BY c.expiration_date, c.contract_number LIMIT " + limit,
                params);
    }

    @Override
    public List<Sum> leadsByStatus(TenantScope scope) {
        return sums(leadsByStatusQuery(scope));
    }

    @Override
    public List<Sum> ordersByStatus(TenantScope scope, boolean sentOnly) {
        return sums(ordersByStatusQuery(scope, sentOnly));
    }

    @Override
    public List<Sum> fulfilledByMonth(TenantScope scope, boolean sentOnly, Instant since) {
        return sums(fulfilledByMonthQuery(scope, sentOnly, since));
    }

    @Override
    public List<Sum> bookedByMonth(TenantScope scope, Instant since) {
        return sums(bookedByMonthQuery(scope, since));
    }

    @Override
    public List<Sum> recurringRevenue(TenantScope scope) {
        return sums(recurringRevenueQuery(scope));
    }

    @Override
    public List<PartnerSum> topPartners(TenantScope scope, Instant since, int limit) {
        Query q = topPartnersQuery(scope, since, limit);
        return SqlRows.query(
                em,
                q.sql(),
                q.params(),
                rs -> new PartnerSum(
                        new PartnerId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getBigDecimal(5)));
    }

    @Override
    public List<Sum> renewalsDue(TenantScope scope, Instant before) {
        return sums(renewalsDueQuery(scope, before));
    }

    @Override
    public List<Dashboard.ContractDue> soonestRenewals(TenantScope scope, Instant before, int limit) {
        Query q = soonestRenewalsQuery(scope, before, limit);
        return SqlRows.query(em, q.sql(), q.params(), JdbcDashboardDirectory::contractDue);
    }

    @Override
    public long fold() {
        return SqlRows.query(em, "SELECT dashboard_fold()", List.of(), rs -> rs.getLong(1))
                .get(0);
    }

    private List<Sum> sums(Query q) {
        return SqlRows.query(em, q.sql(), q.params(), JdbcDashboardDirectory::sum);
    }

    public static Sum sum(ResultSet rs) throws SQLException {
        return new Sum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4));
    }

    public static Dashboard.ContractDue contractDue(ResultSet rs) throws SQLException {
        return new Dashboard.ContractDue(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                ContractStatus.valueOf(rs.getString(3)),
                rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class),
                rs.getTimestamp(6).toInstant(),
                rs.getBigDecimal(7),
                rs.getString(8));
    }
}
