package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.LeadStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The scoped, filtered, keyset-paginated lead list as plain SQL (used by {@link JpaLeadRepository} and by the
 * benchmarks, so that what is measured is what runs).
 *
 * <p>Order: {@code created_at DESC, id DESC}; the cursor is the last row's (created_at, id). Scope:
 * <ul>
 *   <li>everything: one index range scan on {@code (created_at, id)} (or the status index);</li>
 *   <li>a partner: one scan of {@code (partner_id, [status,] created_at, id)};</li>
 *   <li>a distributor: one index probe per actively assigned partner ({@code LATERAL}) plus one for the distributor's
 *       own leads without a partner (a lead of a partner no longer assigned is out of scope whatever it is stamped
 *       with). A first round reads each probe's newest row; the (limit+1)-th newest
 *       of those is a lower bound of the page, so the second round reads, per probe, only rows at least that new
 *       (at most a page), merges and cuts. Both rounds are index-only range scans: the cost grows with the number
 *       of partners, not with the number of leads in scope.</li>
 * </ul>
 */
public final class LeadListSql {

    static final String COLUMNS = "l.id, l.provider_name, l.provider_id, l.title, l.organization, l.contact_name, "
            + "l.contact_email, l.contact_phone, l.value, l.currency, l.status, l.probability, l.expected_close_date, "
            + "l.owner_id, l.partner_id, l.distributor_id, l.created_at, l.updated_at";
    private static final int MAX_SEARCH_WORDS = 16;

    private LeadListSql() {}

    /** SQL text with JDBC {@code ?} placeholders and their values in order. */
    public record Statement(String sql, List<Object> params) {}

    public static Statement build(LeadQuery q, TenantScope scope) {
        List<Object> params = new ArrayList<>();
        int fetch = q.limit() + 1;
        String sql;
        if (scope instanceof TenantScope.OfDistributor d
                && !d.assignedPartnerIds().isEmpty()) {
            String partnerArray = d.assignedPartnerIds().stream()
                    .map(PartnerId::toString)
                    .sorted()
                    .collect(Collectors.joining(",", "{", "}"));
            // The distributor's own branch holds only leads without a partner: the branches are disjoint.
            String own = "l.distributor_id = ? AND l.partner_id IS NULL";
            StringBuilder sb = new StringBuilder();
            // 1. each branch's newest row; the page's (limit+1)-th newest of those bounds the page from below:
            //    at least limit+1 rows are at least that new, so no row of the page is older.
            sb.append(
                            "WITH firsts AS (SELECT x.created_at FROM unnest(CAST(? AS uuid[])) AS p(pid) CROSS JOIN LATERAL (")
                    .append("SELECT l.created_at FROM leads l WHERE l.partner_id = p.pid");
            params.add(partnerArray);
            sb.append(filters(q, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT 1) x UNION ALL ")
                    .append("(SELECT l.created_at FROM leads l WHERE ")
                    .append(own);
            params.add(d.distributorId().value());
            sb.append(filters(q, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT 1)), ")
                    .append("bound AS (SELECT coalesce((SELECT f.created_at FROM firsts f ORDER BY f.created_at DESC ")
                    .append("OFFSET ? LIMIT 1), '-infinity'::timestamptz) AS t) ");
            params.add(fetch - 1);
            // 2. each branch's page, only rows at least as new as the bound; 3. merge, cut; 4. read the rows by id
            sb.append("SELECT ")
                    .append(COLUMNS)
                    .append(" FROM leads l WHERE l.id = ANY(ARRAY(SELECT u.id FROM (")
                    .append("SELECT x.id, x.created_at FROM unnest(CAST(? AS uuid[])) AS p(pid) CROSS JOIN LATERAL (")
                    .append("SELECT l.id, l.created_at FROM leads l WHERE l.partner_id = p.pid")
                    // a scalar subquery (an InitPlan parameter) so that the bound is an index condition, not a join
                    // filter
                    .append(" AND l.created_at >= (SELECT b.t FROM bound b)");
            params.add(partnerArray);
            sb.append(filters(q, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ?) x UNION ALL ")
                    .append("(SELECT l.id, l.created_at FROM leads l WHERE ")
                    .append(own)
                    .append(" AND l.created_at >= (SELECT b.t FROM bound b)");
            params.add(fetch);
            params.add(d.distributorId().value());
            sb.append(filters(q, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ?)")
                    .append(
                            ") u ORDER BY u.created_at DESC, u.id DESC LIMIT ?)) ORDER BY l.created_at DESC, l.id DESC");
            params.add(fetch);
            params.add(fetch);
            sql = sb.toString();
        } else {
            StringBuilder where = new StringBuilder(" WHERE TRUE");
            if (scope instanceof TenantScope.OfDistributor d) {
                where.append(" AND l.distributor_id = ? AND l.partner_id IS NULL");
                params.add(d.distributorId().value());
            } else if (scope instanceof TenantScope.OfPartner p) {
                where.append(" AND l.partner_id = ?");
                params.add(p.partnerId().value());
            }
            where.append(filters(q, params));
            sql = "SELECT " + COLUMNS + " FROM leads l" + where + " ORDER BY l.created_at DESC, l.id DESC LIMIT ?";
            params.add(fetch);
        }
        return new Statement(sql, params);
    }

    private static String filters(LeadQuery q, List<Object> params) {
        return filters(q, params, true);
    }

    private static String filters(LeadQuery q, List<Object> params, boolean search) {
        StringBuilder f = new StringBuilder();
        if (q.statuses().size() == 1) {
            f.append(" AND l.status = CAST(? AS leadstatus)");
            params.add(q.statuses().iterator().next().name());
        } else if (!q.statuses().isEmpty()) {
            f.append(" AND l.status = ANY(CAST(? AS leadstatus[]))");
            params.add(q.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}")));
        }
        if (q.ownerId() != null) {
            f.append(" AND l.owner_id = ?");
            params.add(q.ownerId().value());
        }
        if (q.partnerId() != null) {
            f.append(" AND l.partner_id = ?");
            params.add(q.partnerId().value());
        }
        if (q.distributorId() != null) {
            f.append(" AND l.distributor_id = ?");
            params.add(q.distributorId().value());
        }
        if (q.closeFrom() != null) {
            f.append(" AND l.expected_close_date >= ?");
            params.add(timestamp(q.closeFrom()));
        }
        if (q.closeTo() != null) {
            f.append(" AND l.expected_close_date < ?");
            params.add(timestamp(q.closeTo()));
        }
        if (q.provider() != null) {
            f.append(" AND l.provider_name = ?");
            params.add(q.provider());
        }
        String tsquery = search ? tsquery(q.search()) : null;
        if (tsquery != null) {
            f.append(" AND l.search_document @@ to_tsquery('simple', ?)");
            params.add(tsquery);
        }
        if (q.after() != null) {
            f.append(" AND (l.created_at, l.id) < (?, ?)");
            params.add(timestamp(cursorInstant(q.after())));
            params.add(q.after().id());
        }
        return f.toString();
    }

    /** Every word of the search must prefix-match a word of the document; only letters and digits reach to_tsquery. */
    static String tsquery(String search) {
        if (search == null) {
            return null;
        }
        List<String> words = Arrays.stream(search.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .distinct()
                .limit(MAX_SEARCH_WORDS)
                .toList();
        return words.isEmpty() ? null : words.stream().map(w -> w + ":*").collect(Collectors.joining(" & "));
    }

    /** How many of the newest leads of the scope a search first looks through ({@link #probe}). */
    static final int PROBE_WINDOW = 2000;

    /**
     * A search's first try, for one branch (a partner, a distributor without partners, everything): the newest
     * {@value #PROBE_WINDOW} leads of the scope through its (…, created_at, id) index, newest first, keeping those the
     * search matches. A common word fills the page within the first rows (reading the word's whole index entry — a
     * sixth of a million leads for "firewall" — and sorting cost ~80 ms); when the window holds fewer than a page and
     * one of matches, {@link #run} asks {@link #build}'s statement instead. The matches of the window are the newest
     * of all: every lead outside it is older than every lead in it. Null when there is nothing to probe.
     */
    static Statement probe(LeadQuery q, TenantScope scope) {
        if (tsquery(q.search()) == null
                || scope instanceof TenantScope.OfDistributor d
                        && !d.assignedPartnerIds().isEmpty()) {
            return null;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder window = new StringBuilder("SELECT l.* FROM leads l WHERE TRUE");
        if (scope instanceof TenantScope.OfDistributor d) {
            window.append(" AND l.distributor_id = ? AND l.partner_id IS NULL");
            params.add(d.distributorId().value());
        } else if (scope instanceof TenantScope.OfPartner p) {
            window.append(" AND l.partner_id = ?");
            params.add(p.partnerId().value());
        }
        window.append(filters(q, params, false))
                .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ")
                .append(PROBE_WINDOW);
        params.add(tsquery(q.search()));
        params.add(q.limit() + 1);
        return new Statement(
                "SELECT " + COLUMNS + " FROM (" + window + ") l WHERE l.search_document @@ "
                        + "to_tsquery('simple', ?) ORDER BY l.created_at DESC, l.id DESC LIMIT ?",
                params);
    }

    public static Page<Lead> run(Connection connection, LeadQuery q, TenantScope scope) throws SQLException {
        Statement probe = probe(q, scope);
        if (probe != null) {
            Page<Lead> page = execute(connection, probe, q.limit());
            if (page.nextCursor() != null) {
                return page;
            }
        }
        return execute(connection, build(q, scope), q.limit());
    }

    /** Runs a built statement and cuts the page ({@code limit} rows and the cursor of the next page). */
    public static Page<Lead> execute(Connection connection, Statement statement, int limit) throws SQLException {
        return page(rows(connection, statement), limit);
    }

    private static List<Lead> rows(Connection connection, Statement statement) throws SQLException {
        List<Lead> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
            // plan with the actual values every time: a cached generic plan cannot see how selective the scope is
            if (ps.isWrapperFor(org.postgresql.PGStatement.class)) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            }
            bind(ps, statement.params());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(restore(rs));
                }
            }
        }
        return rows;
    }

    /** The first {@code limit} of {@code rows} (newest first) and the cursor of the next page when there are more. */
    private static Page<Lead> page(List<Lead> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Lead> cut = rows.subList(0, limit);
        Lead last = cut.get(cut.size() - 1);
        return new Page<>(
                cut,
                new Cursor(
                                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt())),
                                last.id().value())
                        .encode());
    }

    /**
     * A board's columns in one statement: for each status, the page {@link #build} would answer for that one status
     * (the query's own statuses, cursor and search are not used). A statement per column paid its planning seven times
     * (~2 ms each over a distributor's 200 partners); here the statuses are one more array the probes run over:
     * <ul>
     *   <li>a distributor with partners: {@link #build}'s two rounds with the status added to each probe — each
     *       (status, partner) probe's newest row, the (limit+1)-th newest per status as that status's lower bound, then
     *       each probe's rows at least that new, cut per status;</li>
     *   <li>any other scope: one index range scan per status.</li>
     * </ul>
     */
    static Statement board(LeadQuery q, List<LeadStatus> columns, TenantScope scope) {
        LeadQuery f = new LeadQuery(
                Set.of(),
                q.ownerId(),
                q.partnerId(),
                q.distributorId(),
                q.closeFrom(),
                q.closeTo(),
                q.provider(),
                null,
                q.limit(),
                null);
        List<Object> params = new ArrayList<>();
        int fetch = q.limit() + 1;
        String statuses = columns.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
        StringBuilder sb = new StringBuilder();
        if (scope instanceof TenantScope.OfDistributor d
                && !d.assignedPartnerIds().isEmpty()) {
            String partnerArray = d.assignedPartnerIds().stream()
                    .map(PartnerId::toString)
                    .sorted()
                    .collect(Collectors.joining(",", "{", "}"));
            String own = "l.distributor_id = ? AND l.partner_id IS NULL";
            sb.append("WITH st AS (SELECT t.s FROM unnest(CAST(? AS leadstatus[])) AS t(s)), ");
            params.add(statuses);
            sb.append("firsts AS MATERIALIZED (SELECT st.s, x.created_at FROM st CROSS JOIN unnest(CAST(? AS uuid[])) ")
                    .append(
                            "AS p(pid) CROSS JOIN LATERAL (SELECT l.created_at FROM leads l WHERE l.partner_id = p.pid ")
                    .append("AND l.status = st.s");
            params.add(partnerArray);
            sb.append(filters(f, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT 1) x UNION ALL ")
                    .append(
                            "SELECT st.s, x.created_at FROM st CROSS JOIN LATERAL (SELECT l.created_at FROM leads l WHERE ")
                    .append(own)
                    .append(" AND l.status = st.s");
            params.add(d.distributorId().value());
            sb.append(filters(f, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT 1) x), ")
                    .append(
                            "bound AS MATERIALIZED (SELECT st.s, coalesce((SELECT f.created_at FROM firsts f WHERE f.s = st.s ")
                    .append("ORDER BY f.created_at DESC OFFSET ? LIMIT 1), '-infinity'::timestamptz) AS t FROM st), ");
            params.add(fetch - 1);
            sb.append(
                            "cand AS (SELECT b.s, x.id, x.created_at FROM bound b CROSS JOIN unnest(CAST(? AS uuid[])) AS p(pid) ")
                    .append("CROSS JOIN LATERAL (SELECT l.id, l.created_at FROM leads l WHERE l.partner_id = p.pid ")
                    .append("AND l.status = b.s AND l.created_at >= b.t");
            params.add(partnerArray);
            sb.append(filters(f, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ?) x UNION ALL ")
                    .append(
                            "SELECT b.s, x.id, x.created_at FROM bound b CROSS JOIN LATERAL (SELECT l.id, l.created_at ")
                    .append("FROM leads l WHERE ")
                    .append(own)
                    .append(" AND l.status = b.s AND l.created_at >= b.t");
            params.add(fetch);
            params.add(d.distributorId().value());
            sb.append(filters(f, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ?) x) ")
                    .append("SELECT ")
                    .append(COLUMNS)
                    .append(" FROM leads l WHERE l.id = ANY(ARRAY(SELECT c.id FROM ")
                    .append(
                            "(SELECT c.id, row_number() OVER (PARTITION BY c.s ORDER BY c.created_at DESC, c.id DESC) AS n ")
                    .append("FROM cand c) c WHERE c.n <= ?)) ORDER BY l.created_at DESC, l.id DESC");
            params.add(fetch);
            params.add(fetch);
        } else {
            sb.append("SELECT x.* FROM unnest(CAST(? AS leadstatus[])) AS st(s) CROSS JOIN LATERAL (SELECT ")
                    .append(COLUMNS)
                    .append(" FROM leads l WHERE l.status = st.s");
            params.add(statuses);
            if (scope instanceof TenantScope.OfDistributor d) {
                sb.append(" AND l.distributor_id = ? AND l.partner_id IS NULL");
                params.add(d.distributorId().value());
            } else if (scope instanceof TenantScope.OfPartner p) {
                sb.append(" AND l.partner_id = ?");
                params.add(p.partnerId().value());
            }
            sb.append(filters(f, params))
                    .append(" ORDER BY l.created_at DESC, l.id DESC LIMIT ?) x ")
                    .append("ORDER BY x.created_at DESC, x.id DESC");
            params.add(fetch);
        }
        return new Statement(sb.toString(), params);
    }

    /** Runs {@link #board}: each column's page, in the order of {@code columns}. */
    public static Map<LeadStatus, Page<Lead>> runBoard(
            Connection connection, LeadQuery q, List<LeadStatus> columns, TenantScope scope) throws SQLException {
        Map<LeadStatus, List<Lead>> rows = new EnumMap<>(LeadStatus.class);
        for (LeadStatus status : columns) {
            rows.put(status, new ArrayList<>());
        }
        for (Lead lead : rows(connection, board(q, columns, scope))) {
            rows.get(lead.status()).add(lead);
        }
        Map<LeadStatus, Page<Lead>> board = new EnumMap<>(LeadStatus.class);
        for (Map.Entry<LeadStatus, List<Lead>> column : rows.entrySet()) {
            board.put(column.getKey(), page(column.getValue(), q.limit()));
        }
        return board;
    }

    public static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static Instant cursorInstant(Cursor cursor) {
        try {
            return Instant.EPOCH.plus(Long.parseLong(cursor.key()), ChronoUnit.MICROS);
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Lead restore(ResultSet rs) throws SQLException {
        LeadDetails details = LeadDetails.stored(
                rs.getString("title"),
                rs.getString("organization"),
                rs.getString("contact_name"),
                rs.getString("contact_email"),
                rs.getString("contact_phone"),
                rs.getBigDecimal("value"),
                rs.getString("currency"),
                (Integer) rs.getObject("probability"),
                instant(rs.getTimestamp("expected_close_date")));
        return Lead.restore(
                new LeadId(rs.getObject("id", UUID.class)),
                rs.getString("provider_name"),
                rs.getString("provider_id"),
                details,
                LeadStatus.valueOf(rs.getString("status")),
                new UserId(rs.getObject("owner_id", UUID.class)),
                TenantRef.of(
                        PartnerId.ofNullable(rs.getObject("partner_id", UUID.class)),
                        DistributorId.ofNullable(rs.getObject("distributor_id", UUID.class))),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
