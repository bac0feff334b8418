package com.tentabo.prm.adapters.persistence.registration;

import com.tentabo.prm.adapters.persistence.shared.ScopeClauses;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.OrderFlag;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.RegistrationHistoryId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.CustomerIdentity;
import com.tentabo.prm.domain.registration.Registration;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registrations in plain SQL. The conflict search is one statement: candidate leads and registrations found through
 * the key indexes of V15 (and the trigram indexes of V16 when pg_trgm is installed), then filtered to other owners'
 * open leads, live registrations and ACTIVE contracts.
 */
@ApplicationScoped
public class JdbcRegistrationRepository implements RegistrationRepository {

    private static final String COLUMNS = "r.id, r.lead_id, r.partner_id, r.distributor_id, r.submitted_by, r.status, "
            + "r.organization, r.registration_number, r.domain, r.org_key, r.registration_key, r.domain_key, "
            + "r.expected_products, r.expected_value, r.currency, r.conflict, r.protection_ends_at, "
            + "r.extension_requested_until, r.extension_request_reason, r.extended, r.decision_reason, r.decided_at, "
            + "r.submitted_at, r.created_at, r.updated_at, r.version";

    /** The queue rank of a row (the same as {@link QueueKey#rank}). */
    private static final String QUEUE_RANK =
            "(CASE r.conflict WHEN 'CONFLICT' THEN 0 WHEN 'INCUMBENT' THEN 1 " + "WHEN 'OVERLAP' THEN 2 ELSE 3 END)";

    private final EntityManager em;
    private volatile Boolean trigram;

    public JdbcRegistrationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(Registration r) {
        em.createNativeQuery(
                        "INSERT INTO registrations (id, lead_id, partner_id, distributor_id, submitted_by, status, "
                                + "organization, registration_number, domain, org_key, registration_key, domain_key, expected_products, "
                                + "expected_value, currency, conflict, protection_ends_at, extension_requested_until, "
                                + "extension_request_reason, extended, decision_reason, decided_at, submitted_at, created_at, "
                                + "updated_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                                + "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)")
                .setParameter(1, r.id().value())
                .setParameter(2, r.leadId().value())
                .setParameter(3, EntityId.uuid(r.tenant().partnerId()))
                .setParameter(4, EntityId.uuid(r.tenant().distributorId()))
                .setParameter(5, EntityId.uuid(r.submittedBy()))
                .setParameter(6, r.status().name())
                .setParameter(7, r.customer().organization())
                .setParameter(8, r.customer().registrationNumber())
                .setParameter(9, r.customer().domain())
                .setParameter(10, r.customer().organizationKey())
                .setParameter(11, r.customer().registrationKey())
                .setParameter(12, r.customer().domainKey())
                .setParameter(13, r.expectedProducts())
                .setParameter(14, r.expectedValue())
                .setParameter(15, r.currency())
                .setParameter(16, r.conflict().name())
                .setParameter(17, ts(r.protectionEndsAt()))
                .setParameter(18, ts(r.extensionRequestedUntil()))
                .setParameter(19, r.extensionRequestReason())
                .setParameter(20, r.extended())
                .setParameter(21, r.decisionReason())
                .setParameter(22, ts(r.decidedAt()))
                .setParameter(23, ts(r.submittedAt()))
                .setParameter(24, ts(r.createdAt()))
                .setParameter(25, ts(r.updatedAt()))
                .setParameter(26, r.version())
                .executeUpdate();
    }

    @Override
    public boolean update(Registration r, long expectedVersion) {
        return em.createNativeQuery(
                                "UPDATE registrations SET status = ?1, organization = ?2, registration_number = ?3, "
                                        + "domain = ?4, org_key = ?5, registration_key = ?6, domain_key = ?7, expected_products = ?8, "
                                        + "expected_value = ?9, conflict = ?10, protection_ends_at = ?11, extension_requested_until = ?12, "
                                        + "extension_request_reason = ?13, extended = ?14, decision_reason = ?15, decided_at = ?16, "
                                        + "submitted_at = ?17, updated_at = ?18, version = ?19 WHERE id = ?20 AND version = ?21")
                        .setParameter(1, r.status().name())
                        .setParameter(2, r.customer().organization())
                        .setParameter(3, r.customer().registrationNumber())
                        .setParameter(4, r.customer().domain())
                        .setParameter(5, r.customer().organizationKey())
                        .setParameter(6, r.customer().registrationKey())
                        .setParameter(7, r.customer().domainKey())
                        .setParameter(8, r.expectedProducts())
                        .setParameter(9, r.expectedValue())
                        .setParameter(10, r.conflict().name())
                        .setParameter(11, ts(r.protectionEndsAt()))
                        .setParameter(12, ts(r.extensionRequestedUntil()))
                        .setParameter(13, r.extensionRequestReason())
                        .setParameter(14, r.extended())
                        .setParameter(15, r.decisionReason())
                        .setParameter(16, ts(r.decidedAt()))
                        .setParameter(17, ts(r.submittedAt()))
                        .setParameter(18, ts(r.updatedAt()))
                        .setParameter(19, r.version())
                        .setParameter(20, r.id().value())
                        .setParameter(21, expectedVersion)
                        .executeUpdate()
                == 1;
    }

    @Override
    public Optional<Registration> findById(RegistrationId id) {
        return one("SELECT " + COLUMNS + " FROM registrations r WHERE r.id = ?", id.value());
    }

    @Override
    public Optional<Registration> findByIdForUpdate(RegistrationId id) {
        return one("SELECT " + COLUMNS + " FROM registrations r WHERE r.id = ? FOR UPDATE", id.value());
    }

    @Override
    public Optional<Registration> findLiveForLead(LeadId leadId) {
        return one(
                "SELECT " + COLUMNS + " FROM registrations r WHERE r.lead_id = ? AND r.status IN "
                        + "('SUBMITTED', 'RETURNED', 'APPROVED', 'CONVERTED')",
                leadId.value());
    }

    @Override
    public Optional<Registration> findLatestForLead(LeadId leadId) {
        return one(
                "SELECT " + COLUMNS + " FROM registrations r WHERE r.lead_id = ? ORDER BY r.created_at DESC, r.id DESC "
                        + "LIMIT 1",
                leadId.value());
    }

    @Override
    public Page<Registration> list(Filter f, TenantScope scope) {
        int limit = Cursor.limit(f.limit());
        Cursor cursor = Cursor.decode(f.cursor());
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM registrations r WHERE true");
        List<Object> params = new ArrayList<>();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" AND r.status = ANY (CAST(? AS varchar[]))");
            params.add(f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.partnerId() != null) {
            sql.append(" AND r.partner_id = ?");
            params.add(f.partnerId().value());
        }
        if (f.leadId() != null) {
            sql.append(" AND r.lead_id = ?");
            params.add(f.leadId().value());
        }
        if (f.conflict() != null) {
            sql.append(" AND r.conflict = ?");
            params.add(f.conflict().name());
        }
        if (cursor != null) {
            sql.append(" AND (r.created_at, r.id) < (?, ?)");
            params.add(ts(cursor.createdAt()));
            params.add(cursor.id());
        }
        sql.append(ScopeClauses.sql(scope, "r", params));
        sql.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT ").append(limit + 1);
        List<Registration> rows = SqlRows.query(em, sql.toString(), params, JdbcRegistrationRepository::registration);
        return Page.ofRows(rows, limit, Registration::createdAt, r -> r.id().value());
    }

    @Override
    public void appendHistory(HistoryEntry h) {
        em.createNativeQuery(
                        "INSERT INTO registration_history (id, registration_id, action, from_status, to_status, reason, "
                                + "user_id, admin_user_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, h.id().value())
                .setParameter(2, h.registrationId().value())
                .setParameter(3, h.action())
                .setParameter(4, h.fromStatus() == null ? null : h.fromStatus().name())
                .setParameter(5, h.toStatus().name())
                .setParameter(6, h.reason())
                .setParameter(7, EntityId.uuid(h.userId()))
                .setParameter(8, h.adminUserId())
                .setParameter(9, ts(h.at()))
                .executeUpdate();
    }

    @Override
    public List<HistoryEntry> history(RegistrationId registrationId) {
        return SqlRows.query(
                em,
                "SELECT id, registration_id, action, from_status, to_status, reason, user_id, "
                        + "admin_user_id, at FROM registration_history WHERE registration_id = ? ORDER BY at, id",
                List.of(registrationId.value()),
                rs -> new HistoryEntry(
                        new RegistrationHistoryId(rs.getObject(1, UUID.class)),
                        new RegistrationId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        rs.getString(4) == null ? null : RegistrationStatus.valueOf(rs.getString(4)),
                        RegistrationStatus.valueOf(rs.getString(5)),
                        rs.getString(6),
                        UserId.ofNullable(rs.getObject(7, UUID.class)),
                        rs.getObject(8, UUID.class),
                        SqlRows.instant(rs, 9)));
    }

    @Override
    public boolean trigramSearchAvailable() {
        Boolean known = trigram;
        if (known == null) {
            known = !SqlRows.query(em, "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'", List.of(), rs -> 1)
                    .isEmpty();
            trigram = known;
        }
        return known;
    }

    @Override
    public List<Match> matches(CustomerSearch s) {
        boolean nearMatches = s.organizationKey() != null && trigramSearchAvailable();
        RegistrationMatchSql.Statement statement = RegistrationMatchSql.build(s, nearMatches);
        if (statement == null) {
            return List.of();
        }
        if (nearMatches) {
            SqlRows.query(
                    em,
                    RegistrationMatchSql.THRESHOLD,
                    List.of(s.similarityThreshold().toPlainString()),
                    rs -> 1);
        }
        return RegistrationMatchSql.strongest(
                SqlRows.query(em, statement.sql(), statement.params(), RegistrationMatchSql::match));
    }

    @Override
    public List<RegistrationId> expireDue(Instant now) {
        return SqlRows.query(
                em,
                "UPDATE registrations SET status = 'EXPIRED', updated_at = ?, version = version + 1 "
                        + "WHERE id IN (SELECT id FROM registrations WHERE status = 'APPROVED' AND protection_ends_at <= ? "
                        + "FOR UPDATE SKIP LOCKED) RETURNING id",
                List.of(ts(now), ts(now)),
                rs -> new RegistrationId(rs.getObject(1, UUID.class)));
    }

    @Override
    public void linkOrder(RegistrationId registrationId, OrderId orderId) {
        em.createNativeQuery("UPDATE orders SET registration_id = ?1 WHERE id = ?2")
                .setParameter(1, registrationId.value())
                .setParameter(2, orderId.value())
                .executeUpdate();
    }

    @Override
    public void flagOrder(OrderId orderId, RegistrationId registrationId, Instant at) {
        em.createNativeQuery("INSERT INTO registration_order_flags (order_id, registration_id, created_at) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, orderId.value())
                .setParameter(2, registrationId.value())
                .setParameter(3, ts(at))
                .executeUpdate();
    }

    @Override
    public List<OrderId> ordersOf(RegistrationId registrationId) {
        return SqlRows.query(
                em,
                "SELECT id FROM orders WHERE registration_id = ? ORDER BY created_at, id",
                List.of(registrationId.value()),
                rs -> new OrderId(rs.getObject(1, UUID.class)));
    }

    @Override
    public List<OrderId> flaggedOrders(RegistrationId registrationId) {
        return SqlRows.query(
                em,
                "SELECT order_id FROM registration_order_flags WHERE registration_id = ? "
                        + "ORDER BY created_at, order_id",
                List.of(registrationId.value()),
                rs -> new OrderId(rs.getObject(1, UUID.class)));
    }

    @Override
    public Page<Registration> awaitingDecision(int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", " + QUEUE_RANK + " AS queue_rank "
                + "FROM registrations r WHERE r.status = 'SUBMITTED'");
        if (after != null) {
            QueueKey key = QueueKey.of(after);
            sql.append(" AND (" + QUEUE_RANK + ", r.submitted_at, r.id) > (?, ?, ?)");
            params.add(key.rank());
            params.add(ts(key.submittedAt()));
            params.add(after.id());
        }
        sql.append(" ORDER BY queue_rank, r.submitted_at, r.id LIMIT ").append(limit + 1);
        List<Registration> rows = SqlRows.query(em, sql.toString(), params, JdbcRegistrationRepository::registration);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        Registration last = rows.get(limit - 1);
        return new Page<>(
                rows.subList(0, limit),
                new Cursor(
                                QueueKey.rank(last.conflict()) + "/" + last.submittedAt(),
                                last.id().value())
                        .encode());
    }

    @Override
    public List<Registration> extensionRequests(int limit) {
        return SqlRows.query(
                em,
                "SELECT " + COLUMNS + " FROM registrations r WHERE r.status = 'APPROVED' "
                        + "AND r.extension_requested_until IS NOT NULL ORDER BY r.updated_at, r.id LIMIT " + limit,
                List.of(),
                JdbcRegistrationRepository::registration);
    }

    @Override
    public List<OrderFlag> recentOrderFlags(int limit) {
        return SqlRows.query(
                em,
                "SELECT f.order_id, f.registration_id, r.organization, r.partner_id, o.partner_id, "
                        + "f.created_at FROM registration_order_flags f JOIN registrations r ON r.id = f.registration_id "
                        + "JOIN orders o ON o.id = f.order_id ORDER BY f.created_at DESC, f.order_id LIMIT " + limit,
                List.of(),
                rs -> new OrderFlag(
                        new OrderId(rs.getObject(1, UUID.class)),
                        new RegistrationId(rs.getObject(2, UUID.class)),
                        rs.getString(3),
                        PartnerId.ofNullable(rs.getObject(4, UUID.class)),
                        PartnerId.ofNullable(rs.getObject(5, UUID.class)),
                        SqlRows.instant(rs, 6)));
    }

    /** The queue's sort key: the conflict finding's rank (strongest first), then the submission time. */
    record QueueKey(int rank, Instant submittedAt) {
        static int rank(ConflictKind kind) {
            return switch (kind) {
                case CONFLICT -> 0;
                case INCUMBENT -> 1;
                case OVERLAP -> 2;
                case NONE -> 3;
            };
        }

        static QueueKey of(Cursor cursor) {
            String key = cursor.key();
            int slash = key.indexOf('/');
            try {
                int rank = Integer.parseInt(key.substring(0, Math.max(slash, 0)));
                if (rank < 0 || rank > 3) {
                    throw Cursor.invalid();
                }
                return new QueueKey(rank, Instant.parse(key.substring(slash + 1)));
            } catch (RuntimeException e) {
                throw Cursor.invalid();
            }
        }
    }

    private Optional<Registration> one(String sql, UUID id) {
        return SqlRows.query(em, sql, List.of(id), JdbcRegistrationRepository::registration).stream()
                .findFirst();
    }

    static Registration registration(ResultSet rs) throws SQLException {
        CustomerIdentity customer = new CustomerIdentity(
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12));
        return new Registration(
                new RegistrationId(rs.getObject(1, UUID.class)),
                new LeadId(rs.getObject(2, UUID.class)),
                new TenantRef(
                        PartnerId.ofNullable(rs.getObject(3, UUID.class)),
                        DistributorId.ofNullable(rs.getObject(4, UUID.class))),
                UserId.ofNullable(rs.getObject(5, UUID.class)),
                RegistrationStatus.valueOf(rs.getString(6)),
                customer,
                rs.getString(13),
                rs.getBigDecimal(14),
                rs.getString(15),
                ConflictKind.valueOf(rs.getString(16)),
                SqlRows.instant(rs, 17),
                SqlRows.instant(rs, 18),
                rs.getString(19),
                rs.getBoolean(20),
                rs.getString(21),
                SqlRows.instant(rs, 22),
                SqlRows.instant(rs, 23),
                SqlRows.instant(rs, 24),
                SqlRows.instant(rs, 25),
                rs.getLong(26));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
