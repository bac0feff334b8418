package com.tentabo.prm.adapters.persistence.notification;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.KeysetSql;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.notification.EmailStatus;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.port.out.NotificationRepository;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.NotificationId;
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

/** Plain SQL on {@code notifications}: no entity maps it. Inserts deduplicate in the statement itself. */
@ApplicationScoped
public class JdbcNotificationRepository implements NotificationRepository {

    private static final String INSERT = "INSERT INTO notifications (id, recipient_kind, recipient_id, event_type, "
            + "dedup_key, subject_type, subject_id, params, link, email_status, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) "
            + "ON CONFLICT (recipient_kind, recipient_id, dedup_key) DO NOTHING RETURNING id";

    static final String ROWS =
            "SELECT id, recipient_kind, recipient_id, event_type, dedup_key, subject_type, subject_id, "
                    + "params::text, link, email_status, created_at, read_at, emailed_at FROM notifications";

    private final EntityManager em;

    public JdbcNotificationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean insertOnce(NotificationRecord row) {
        List<Object> params = new ArrayList<>();
        params.add(row.id().value());
        params.add(NotificationColumns.kind(row.recipientKind()));
        params.add(row.recipientId());
        params.add(row.eventType());
        params.add(row.dedupKey());
        params.add(row.subjectType());
        params.add(row.subjectId());
        params.add(JsonText.write(row.params()));
        params.add(row.link());
        params.add(row.emailStatus().wire());
        params.add(Timestamp.from(row.createdAt()));
        return !SqlRows.query(em, INSERT, params, rs -> rs.getObject(1, UUID.class))
                .isEmpty();
    }

    @Override
    public List<NotificationRecord> inbox(InboxQuery q) {
        // the unread filter inside a derived table: the planner pushes the outer filters down into it
        String select = q.unreadOnly() ? "SELECT * FROM (" + ROWS + " WHERE read_at IS NULL) unread" : ROWS;
        KeysetSql sql = new KeysetSql(select, "created_at", "id")
                .eq("recipient_kind", NotificationColumns.kind(q.kind()))
                .eq("recipient_id", q.recipientId())
                .eq("event_type", q.eventType())
                .after(q.cursorAt(), EntityId.uuid(q.cursorId()));
        return sql.newestFirst(em, q.limit(), JdbcNotificationRepository::record);
    }

    @Override
    public long unreadCount(PrincipalKind kind, UUID recipientId) {
        return SqlRows.query(
                        em,
                        "SELECT count(*) FROM notifications WHERE recipient_kind = ? AND recipient_id = ? "
                                + "AND read_at IS NULL",
                        List.of(NotificationColumns.kind(kind), recipientId),
                        rs -> rs.getLong(1))
                .get(0);
    }

    @Override
    public Optional<NotificationRecord> find(NotificationId id) {
        return SqlRows.query(em, ROWS + " WHERE id = ?", List.of(id.value()), JdbcNotificationRepository::record)
                .stream()
                .findFirst();
    }

    @Override
    public List<NotificationRecord> findAll(java.util.Collection<NotificationId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Object idArray = ids.stream().map(id -> id.value().toString()).toArray(String[]::new);
        return SqlRows.query(
                em, ROWS + " WHERE id = ANY (CAST(? AS uuid[]))", List.of(idArray), JdbcNotificationRepository::record);
    }

    @Override
    public boolean markRead(PrincipalKind kind, UUID recipientId, NotificationId id, Instant at) {
        return !SqlRows.query(
                        em,
                        "UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ? "
                                + "AND recipient_kind = ? AND recipient_id = ? RETURNING id",
                        List.of(Timestamp.from(at), id.value(), NotificationColumns.kind(kind), recipientId),
                        rs -> rs.getObject(1, UUID.class))
                .isEmpty();
    }

    @Override
    public int markAllRead(PrincipalKind kind, UUID recipientId, Instant at) {
        return SqlRows.query(
                        em,
                        "UPDATE notifications SET read_at = ? WHERE recipient_kind = ? AND recipient_id = ? "
                                + "AND read_at IS NULL RETURNING id",
                        List.of(Timestamp.from(at), NotificationColumns.kind(kind), recipientId),
                        rs -> rs.getObject(1, UUID.class))
                .size();
    }

    @Override
    public void setEmailStatus(NotificationId id, EmailStatus status, String error, Instant emailedAt) {
        List<Object> params = new ArrayList<>();
        params.add(status.wire());
        params.add(error);
        params.add(emailedAt == null ? null : Timestamp.from(emailedAt));
        params.add(id.value());
        SqlRows.query(
                em,
                "UPDATE notifications SET email_status = ?, email_error = ?, "
                        + "emailed_at = coalesce(?, emailed_at) WHERE id = ? RETURNING id",
                params,
                rs -> rs.getObject(1));
    }

    @Override
    public List<Recipients> digestRecipients(int limit) {
        return SqlRows.query(
                em,
                "SELECT DISTINCT recipient_kind, recipient_id FROM notifications "
                        + "WHERE email_status = 'digest' LIMIT ?",
                List.of(limit),
                rs -> new Recipients(NotificationColumns.kind(rs.getString(1)), rs.getObject(2, UUID.class)));
    }

    @Override
    public List<NotificationRecord> digestRows(PrincipalKind kind, UUID recipientId) {
        return SqlRows.query(
                em,
                ROWS + " WHERE recipient_kind = ? AND recipient_id = ? AND email_status = 'digest' "
                        + "ORDER BY created_at, id FOR UPDATE SKIP LOCKED",
                List.of(NotificationColumns.kind(kind), recipientId),
                JdbcNotificationRepository::record);
    }

    static NotificationRecord record(ResultSet rs) throws SQLException {
        return new NotificationRecord(
                new NotificationId(rs.getObject(1, UUID.class)),
                NotificationColumns.kind(rs.getString(2)),
                rs.getObject(3, UUID.class),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, UUID.class),
                NotificationColumns.textMap(rs.getString(8)),
                rs.getString(9),
                EmailStatus.ofWire(rs.getString(10)),
                SqlRows.instant(rs, 11),
                SqlRows.instant(rs, 12),
                SqlRows.instant(rs, 13));
    }
}
