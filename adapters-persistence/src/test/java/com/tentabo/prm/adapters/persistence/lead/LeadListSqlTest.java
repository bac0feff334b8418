package com.tentabo.prm.adapters.persistence.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.persistence.MigratedDatabase;
import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scoped lead list on real PostgreSQL with 6,000 leads: every scope's query plan uses an index (never a
 * sequential scan of leads), and keyset paging returns exactly what a naive query returns, in the same order.
 */
class LeadListSqlTest {

    private static final int PARTNERS = 60;
    private static Connection db;
    private static final List<UUID> partners = new ArrayList<>();
    private static final UUID DISTRIBUTOR = UUID.randomUUID();
    private static Set<UUID> assigned;

    @BeforeAll
    static void seed() throws Exception {
        TestDatabase database = MigratedDatabase.create("lead_list");
        db = database.connect();
        UUID owner = UUID.randomUUID();
        exec(
                "INSERT INTO users (id, provider, provider_id, email, role, is_enabled) VALUES (?, 'test', ?, 'o@x.example', 'ADMIN', true)",
                owner,
                owner.toString());
        exec("INSERT INTO distributors (id, name, is_active) VALUES (?, 'Dist', true)", DISTRIBUTOR);
        for (int i = 0; i < PARTNERS; i++) {
            UUID id = UUID.randomUUID();
            partners.add(id);
            exec("INSERT INTO partners (id, name, is_active) VALUES (?, ?, true)", id, "Partner " + i);
        }
        assigned = new HashSet<>(partners.subList(0, 20));
        String array = partners.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
        // ties on created_at on purpose (1,500 distinct minutes for 6,000 leads): the id must break them
        exec(
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, contact_email, status, owner_id, "
                        + "partner_id, distributor_id, created_at, updated_at) "
                        + "SELECT gen_random_uuid(), CASE WHEN i % 3 = 0 THEN 'hubspot' ELSE 'tentabo' END, 'Lead ' || i, "
                        + "'Org ' || (i % 97), 'Contact ' || i, 'c' || i || '@org' || (i % 97) || '.example', "
                        + "(enum_range(NULL::leadstatus))[1 + i % 7], ?, (CAST(? AS uuid[]))[1 + i % " + PARTNERS
                        + "], "
                        + "CASE WHEN i % 10 = 0 THEN CAST(? AS uuid) ELSE NULL END, "
                        + "timestamptz '2026-01-01 00:00:00+00' + (i % 1500) * interval '1 minute', now() "
                        + "FROM generate_series(1, 6000) AS i",
                owner,
                array,
                DISTRIBUTOR);
        // leads without a partner: the distributor's own (every other one) are in its scope; leads of partners that are
        // not assigned are out of scope even when they carry the distributor (one in ten above)
        exec(
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, contact_email, status, owner_id, "
                        + "partner_id, distributor_id, created_at, updated_at) "
                        + "SELECT gen_random_uuid(), 'tentabo', 'Own ' || i, 'Org ' || (i % 97), 'Contact ' || i, "
                        + "'o' || i || '@org' || (i % 97) || '.example', (enum_range(NULL::leadstatus))[1 + i % 7], ?, NULL, "
                        + "CASE WHEN i % 2 = 0 THEN CAST(? AS uuid) ELSE NULL END, "
                        + "timestamptz '2026-01-01 00:00:00+00' + (i % 1500) * interval '1 minute', now() "
                        + "FROM generate_series(1, 600) AS i",
                owner, DISTRIBUTOR);
        exec("ANALYZE");
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static LeadQuery query(Set<LeadStatus> statuses, String search, int limit, Cursor after) {
        return new LeadQuery(statuses, null, null, null, null, null, null, search, limit, after);
    }

    private static TenantScope distributorScope() {
        return new TenantScope.OfDistributor(new DistributorId(DISTRIBUTOR), partnerIds(assigned));
    }

    @Test
    void givenEachScope_whenListing_thenThePlanUsesAnIndexAndNeverScansTheLeadsTable() throws Exception {
        List<TenantScope> scopes = List.of(
                new TenantScope.Everything(),
                new TenantScope.OfPartner(new PartnerId(partners.get(3))),
                distributorScope());
        for (TenantScope scope : scopes) {
            for (Set<LeadStatus> statuses : List.of(Set.<LeadStatus>of(), Set.of(LeadStatus.QUALIFIED))) {
                String plan = explain(LeadListSql.build(query(statuses, null, 50, null), scope));
                assertThat(plan)
                        .as("plan for %s %s", scope, statuses)
                        .doesNotContain("Seq Scan on leads")
                        .containsPattern(
                                "Index (Only )?Scan (Backward )?using ix_leads_(\\w+_)?created_id|Bitmap Index Scan on ix_leads_");
            }
        }
    }

    @Test
    void givenFullTextSearch_thenTheGinIndexMatchesTheSearchExpression() throws Exception {
        // on a few thousand rows a sequential scan is cheaper for the planner; the index must still be applicable
        try (var st = db.createStatement()) {
            st.execute("SET enable_seqscan = off");
            String plan = explain(LeadListSql.build(query(Set.of(), "org42", 50, null), new TenantScope.Everything()));
            assertThat(plan).contains("Bitmap Index Scan on ix_leads_search_document");
        } finally {
            try (var st = db.createStatement()) {
                st.execute("RESET enable_seqscan");
            }
        }
    }

    @Test
    void givenDistributorScope_whenPagingThroughEverything_thenExactlyTheNaiveResultInOrder() throws Exception {
        assertPagingMatches(
                Set.of(), null, "((partner_id IS NULL AND distributor_id = ?) OR partner_id = ANY(CAST(? AS uuid[])))");
        assertPagingMatches(
                Set.of(LeadStatus.NEW, LeadStatus.WON),
                null,
                "((partner_id IS NULL AND distributor_id = ?) OR partner_id = ANY(CAST(? AS uuid[]))) AND status IN ('NEW', 'WON')");
        assertPagingMatches(
                Set.of(),
                "ORG42",
                "((partner_id IS NULL AND distributor_id = ?) OR partner_id = ANY(CAST(? AS uuid[]))) AND contact_email LIKE '%@org42.example'");
    }

    @Test
    void givenSearchByEmailDomainWord_thenMatchesThoseLeads() throws Exception {
        Page<Lead> page =
                LeadListSql.run(db, query(Set.of(), "org96.example", 200, null), new TenantScope.Everything());
        assertThat(page.items())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.details().contactEmail()).endsWith("@org96.example"));
        assertThat(LeadListSql.tsquery("  a&b | c:* !")).isEqualTo("a:* & b:* & c:*");
        assertThat(LeadListSql.tsquery("!!!")).isNull();
    }

    @Test
    void givenEachScope_whenReadingABoard_thenEachColumnIsTheListOfItsStatus_inOneStatementThatNeverScansTheLeadsTable()
            throws Exception {
        List<LeadStatus> columns = List.of(LeadStatus.values());
        UUID assignedPartner = assigned.iterator().next();
        List<TenantScope> scopes = List.of(
                new TenantScope.Everything(),
                new TenantScope.OfPartner(new PartnerId(partners.get(3))),
                distributorScope(),
                new TenantScope.OfDistributor(new DistributorId(DISTRIBUTOR), Set.of()));
        for (TenantScope scope : scopes) {
            for (PartnerId partner : java.util.Arrays.asList(null, new PartnerId(assignedPartner))) {
                // 5 a column: the bound cuts every probe; 200: more than a column of the partner holds
                for (int limit : List.of(5, 200)) {
                    LeadQuery board = new LeadQuery(Set.of(), null, partner, null, null, null, null, null, limit, null);
                    java.util.Map<LeadStatus, Page<Lead>> read = LeadListSql.runBoard(db, board, columns, scope);
                    assertThat(read.keySet()).containsExactlyElementsOf(columns);
                    for (LeadStatus status : columns) {
                        Page<Lead> list = LeadListSql.run(
                                db,
                                new LeadQuery(Set.of(status), null, partner, null, null, null, null, null, limit, null),
                                scope);
                        assertThat(read.get(status).items())
                                .as("%s of %s, partner %s, %d", status, scope, partner, limit)
                                .extracting(Lead::id)
                                .containsExactlyElementsOf(
                                        list.items().stream().map(Lead::id).toList());
                        assertThat(read.get(status).nextCursor()).isEqualTo(list.nextCursor());
                    }
                }
            }
            assertThat(explain(LeadListSql.board(
                            new LeadQuery(Set.of(), null, null, null, null, null, null, null, 12, null),
                            columns,
                            scope)))
                    .as("board plan for %s", scope)
                    .doesNotContain("Seq Scan on leads");
        }
    }

    private void assertPagingMatches(Set<LeadStatus> statuses, String search, String naiveWhere) throws Exception {
        // 37 per page: more than the 21 branches (no lower bound applies); 5 per page: the bound cuts every probe
        assertPagingMatches(statuses, search, naiveWhere, 37);
        assertPagingMatches(statuses, search, naiveWhere, 5);
    }

    @Test
    void givenASearch_whenPagingAsAPartnerOrThroughEverything_thenExactlyTheNaiveResultInOrder() throws Exception {
        // everything: 6,600 leads, more than the probe's window: a common word fills pages from the window, a word
        // of one lead in 97 runs out of it on later pages and falls back to the indexed search
        for (int pageSize : List.of(5, 37)) {
            assertSearchPagingMatches(new TenantScope.Everything(), "org42", "TRUE", pageSize);
            assertSearchPagingMatches(new TenantScope.Everything(), "lead", "TRUE", pageSize);
            assertSearchPagingMatches(
                    new TenantScope.OfPartner(new PartnerId(partners.get(7))),
                    "lead",
                    "partner_id = '" + partners.get(7) + "'",
                    pageSize);
        }
        assertThat(LeadListSql.probe(query(Set.of(), "lead", 5, null), distributorScope()))
                .isNull();
        assertThat(LeadListSql.probe(query(Set.of(), null, 5, null), new TenantScope.Everything()))
                .isNull();
    }

    private void assertSearchPagingMatches(TenantScope scope, String search, String naiveWhere, int pageSize)
            throws Exception {
        List<UUID> expected = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id FROM leads WHERE " + naiveWhere
                + " AND search_document @@ to_tsquery('simple', ?) ORDER BY created_at DESC, id DESC")) {
            ps.setString(1, LeadListSql.tsquery(search));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getObject(1, UUID.class));
                }
            }
        }
        List<UUID> paged = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page<Lead> page = LeadListSql.run(db, query(Set.of(), search, pageSize, cursor), scope);
            page.items().forEach(l -> paged.add(l.id().value()));
            cursor = Cursor.decode(page.nextCursor());
        } while (cursor != null);
        assertThat(expected).as(search + " in " + scope).hasSizeGreaterThan(pageSize);
        assertThat(paged).as(search + " in " + scope).containsExactlyElementsOf(expected);
    }

    private void assertPagingMatches(Set<LeadStatus> statuses, String search, String naiveWhere, int pageSize)
            throws Exception {
        List<UUID> expected = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT id FROM leads WHERE " + naiveWhere + " ORDER BY created_at DESC, id DESC")) {
            ps.setObject(1, DISTRIBUTOR);
            ps.setObject(2, assigned.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getObject(1, UUID.class));
                }
            }
        }
        List<UUID> paged = new ArrayList<>();
        Cursor cursor = null;
        do {
            Page<Lead> page = LeadListSql.run(db, query(statuses, search, pageSize, cursor), distributorScope());
            page.items().forEach(l -> paged.add(l.id().value()));
            cursor = Cursor.decode(page.nextCursor());
        } while (cursor != null);
        assertThat(expected).hasSizeGreaterThan(search == null ? 100 : 5);
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    private static String explain(LeadListSql.Statement statement) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("EXPLAIN " + statement.sql())) {
            LeadListSql.bind(ps, statement.params());
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static void exec(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private static Set<PartnerId> partnerIds(Collection<UUID> ids) {
        Set<PartnerId> typed = new HashSet<>();
        ids.forEach(id -> typed.add(new PartnerId(id)));
        return typed;
    }
}
