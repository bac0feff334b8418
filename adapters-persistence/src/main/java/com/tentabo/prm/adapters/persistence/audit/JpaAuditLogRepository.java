package com.tentabo.prm.adapters.persistence.audit;

import com.tentabo.prm.adapters.persistence.shared.KeysetSql;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Appends audit rows with one plain {@code INSERT} on the transaction's connection: every change of the API writes
 * one, and an entity persisted only to be flushed cost the busiest requests a tenth of their CPU
 * ({@code docs/performance.md}). Pending entity changes are flushed first, so that the row's references (a user
 * created in the same transaction) exist; the row commits or rolls back with the change it records.
 *
 * <p>Rows are read back with plain SQL too, so that {@code changes} comes as the JSON text the database holds
 * (rows of the replaced system may hold any JSON there, not only the object this service writes).
 */
@ApplicationScoped
public class JpaAuditLogRepository implements AuditLogRepository {

    /** The row's {@code INSERT}, ten parameters bound by {@link #bind}; another statement may carry it in a {@code WITH}. */
    public static final String INSERT =
            "INSERT INTO audit_logs (id, user_id, admin_user_id, action, entity_type, entity_id, "
                    + "changes, ip_address, user_agent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";

    /** The columns of a row read back ({@code changes} as text), for the lists and the benchmark. */
    public static final String COLUMNS =
            "SELECT id, user_id, admin_user_id, action, entity_type, entity_id, changes::text, "
                    + "ip_address, user_agent, created_at FROM audit_logs";

    private final EntityManager em;

    public JpaAuditLogRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(AuditEntry entry) {
        Session session = em.unwrap(Session.class);
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(INSERT)) {
                bind(st, 1, entry);
                st.executeUpdate();
            }
        });
    }

    /** Binds the parameters of {@link #INSERT} from position {@code first}; returns the next position. */
    public static int bind(PreparedStatement st, int first, AuditEntry entry) throws SQLException {
        int p = first;
        st.setObject(p++, entry.id().value());
        st.setObject(p++, EntityId.uuid(entry.userId()));
        st.setObject(p++, EntityId.uuid(entry.adminUserId()));
        st.setString(p++, entry.action());
        st.setString(p++, entry.entityType());
        st.setObject(p++, entry.entityId());
        st.setString(p++, AuditChangesJson.write(entry.changes()));
        st.setString(p++, entry.ipAddress());
        st.setString(p++, entry.userAgent());
        st.setObject(p++, entry.at().atOffset(ZoneOffset.UTC));
        return p;
    }

    @Override
    public Optional<AuditRecord> findById(AuditLogId id) {
        return SqlRows.query(em, COLUMNS + " WHERE id = ?", List.of(id.value()), JpaAuditLogRepository::row).stream()
                .findFirst();
    }

    @Override
    public List<AuditRecord> list(AuditQuery query) {
        return new KeysetSql(COLUMNS, "created_at", "id")
                .eq("entity_type", query.entityType())
                .eq("entity_id", query.entityId())
                .eq("action", query.action())
                .eq("user_id", EntityId.uuid(query.userId()))
                .eq("admin_user_id", EntityId.uuid(query.adminUserId()))
                .window(query.since(), query.until())
                .after(query.cursorCreatedAt(), EntityId.uuid(query.cursorId()))
                .newestFirst(em, query.limit(), JpaAuditLogRepository::row);
    }

    private static AuditRecord row(ResultSet rs) throws SQLException {
        return new AuditRecord(
                new AuditLogId(rs.getObject(1, UUID.class)),
                UserId.ofNullable(rs.getObject(2, UUID.class)),
                AdminUserId.ofNullable(rs.getObject(3, UUID.class)),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, UUID.class),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                SqlRows.instant(rs, 10));
    }
}
