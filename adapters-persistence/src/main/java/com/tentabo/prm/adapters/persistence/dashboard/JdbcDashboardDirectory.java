package com.tentabo.prm.adapters.persistence.dashboard;

import com.tentabo.prm.adapters.persistence.shared.ScopeClauses;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.application.dashboard.port.out.DashboardDirectory;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.ContractStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard's sums in SQL, on the transaction's connection, each restricted by {@link ScopeClauses#sql}. Months
 * are UTC months whatever the session's time zone. The statements are built by the static methods (also used by the
 * dashboard benchmark), then run here.
 */
@ApplicationScoped
public class JdbcDashboardDirectory implements DashboardDirectory {

    /** A statement with its positional parameters. */
    public record Query(String sql, List<Object> params) { }

    /** Orders a FULFILLER may see: sent ones (SENT or later, including those cancelled after sending). */
    static final String SENT_ONLY = " AND o.sent_at IS NOT NULL";
    static final String RENEWAL_DUE = " FROM contracts c WHERE c.status = 'ACTIVE' AND c.expiration_date <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM contracts s WHERE s.renewed_from_id = c.id)";

    private final EntityManager em;

    public JdbcDashboardDirectory(EntityManager em) {
        this.em = em;
    }

    public static Query leadsByStatusQuery(TenantScope scope) {
        List<Object> params = new ArrayList<>();
        String where = ScopeClauses.sql(scope, "l", params);
        return new Query("SELECT l.status::text, l.currency, count(*), sum(l.value) FROM leads l WHERE true" + where
                + " GROUP BY 1, 2", params);
    }

    public static Query ordersByStatusQuery(TenantScope scope, boolean sentOnly) {
        List<Object> params = new ArrayList<>();
        String where = ScopeClauses.sql(scope, "o", params) + (sentOnly ? SENT_ONLY : "");
        return new Query("SELECT o.status::text, o.currency, count(*), sum(o.total_amount) FROM orders o WHERE true"
                + where + " GROUP BY 1, 2", params);
    }

    public static Query fulfilledByMonthQuery(TenantScope scope, boolean sentOnly, Instant since) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(since));
        String where = ScopeClauses.sql(scope, "o", params) + (sentOnly ? SENT_ONLY : "");
        return new Query("SELECT to_char(o.fulfilled_at AT TIME ZONE 'UTC', 'YYYY-MM'), o.currency, count(*), "
                + "sum(o.total_amount - o.tax_amount) FROM orders o WHERE o.status = 'FULFILLED' AND o.fulfilled_at >= ?"
                + where + " GROUP BY 1, 2", params);
    }

    public static Query renewalsDueQuery(TenantScope scope, Instant before) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(before));
        String where = ScopeClauses.sql(scope, "c", params);
        return new Query("SELECT NULL, c.currency, count(*), sum(c.total_value)" + RENEWAL_DUE + where + " GROUP BY 2",
                params);
    }

    public static Query soonestRenewalsQuery(TenantScope scope, Instant before, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(before));
        return new Query("SELECT c.id, c.contract_number, c.status::text, c.partner_id, c.distributor_id, "
                + "c.expiration_date, c.total_value, c.currency" + RENEWAL_DUE + ScopeClauses.sql(scope, "c", params)
                + " ORDER BY c.expiration_date, c.contract_number LIMIT " + limit, params);
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
    public List<Sum> renewalsDue(TenantScope scope, Instant before) {
        return sums(renewalsDueQuery(scope, before));
    }

    @Override
    public List<Dashboard.ContractDue> soonestRenewals(TenantScope scope, Instant before, int limit) {
        Query q = soonestRenewalsQuery(scope, before, limit);
        return SqlRows.query(em, q.sql(), q.params(), JdbcDashboardDirectory::contractDue);
    }

    private List<Sum> sums(Query q) {
        return SqlRows.query(em, q.sql(), q.params(), JdbcDashboardDirectory::sum);
    }

    public static Sum sum(ResultSet rs) throws SQLException {
        return new Sum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4));
    }

    public static Dashboard.ContractDue contractDue(ResultSet rs) throws SQLException {
        return new Dashboard.ContractDue(rs.getObject(1, UUID.class), rs.getString(2),
                ContractStatus.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                rs.getTimestamp(6).toInstant(), rs.getBigDecimal(7), rs.getString(8));
    }
}
