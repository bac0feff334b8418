package com.tentabo.prm.adapters.persistence.dashboard;

import com.tentabo.prm.adapters.persistence.shared.ScopeClauses;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.application.dashboard.port.out.DashboardDirectory;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.contract.ContractStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard's sums in SQL, on the transaction's connection, each restricted by {@link ScopeClauses#sql}. Months
 * are UTC months whatever the session's time zone.
 */
@ApplicationScoped
public class JdbcDashboardDirectory implements DashboardDirectory {

    /** Orders a FULFILLER may see: sent ones (SENT or later, including those cancelled after sending). */
    static final String SENT_ONLY = " AND o.sent_at IS NOT NULL";
    static final String RENEWAL_DUE = " FROM contracts c WHERE c.status = 'ACTIVE' AND c.expiration_date <= ?"
            + " AND NOT EXISTS (SELECT 1 FROM contracts s WHERE s.renewed_from_id = c.id)";

    private final EntityManager em;

    public JdbcDashboardDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Sum> leadsByStatus(TenantScope scope) {
        List<Object> params = new ArrayList<>();
        String where = ScopeClauses.sql(scope, "l", params);
        return sums("SELECT l.status::text, l.currency, count(*), sum(l.value) FROM leads l WHERE true" + where
                + " GROUP BY 1, 2", params);
    }

    @Override
    public List<Sum> ordersByStatus(TenantScope scope, boolean sentOnly) {
        List<Object> params = new ArrayList<>();
        String where = ScopeClauses.sql(scope, "o", params) + (sentOnly ? SENT_ONLY : "");
        return sums("SELECT o.status::text, o.currency, count(*), sum(o.total_amount) FROM orders o WHERE true" + where
                + " GROUP BY 1, 2", params);
    }

    @Override
    public List<Sum> fulfilledByMonth(TenantScope scope, boolean sentOnly, Instant since) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(since));
        String where = ScopeClauses.sql(scope, "o", params) + (sentOnly ? SENT_ONLY : "");
        return sums("SELECT to_char(o.fulfilled_at AT TIME ZONE 'UTC', 'YYYY-MM'), o.currency, count(*), "
                + "sum(o.total_amount - o.tax_amount) FROM orders o WHERE o.status = 'FULFILLED' AND o.fulfilled_at >= ?"
                + where + " GROUP BY 1, 2", params);
    }

    @Override
    public List<Sum> renewalsDue(TenantScope scope, Instant before) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(before));
        String where = ScopeClauses.sql(scope, "c", params);
        return sums("SELECT NULL, c.currency, count(*), sum(c.total_value)" + RENEWAL_DUE + where + " GROUP BY 2",
                params);
    }

    @Override
    public List<Dashboard.ContractDue> soonestRenewals(TenantScope scope, Instant before, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(before));
        String sql = "SELECT c.id, c.contract_number, c.status::text, c.partner_id, c.distributor_id, c.expiration_date, "
                + "c.total_value, c.currency" + RENEWAL_DUE + ScopeClauses.sql(scope, "c", params)
                + " ORDER BY c.expiration_date, c.contract_number LIMIT " + limit;
        return SqlRows.query(em, sql, params, rs -> new Dashboard.ContractDue(rs.getObject(1, UUID.class), rs.getString(2),
                ContractStatus.valueOf(rs.getString(3)), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(), rs.getBigDecimal(7),
                rs.getString(8)));
    }

    private List<Sum> sums(String sql, List<Object> params) {
        return SqlRows.query(em, sql, params, rs -> new Sum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)));
    }
}
