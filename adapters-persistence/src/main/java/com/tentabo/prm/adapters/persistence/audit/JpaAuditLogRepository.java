package com.tentabo.prm.adapters.persistence.audit;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.ZoneOffset;

/**
 * Appends audit rows with one plain {@code INSERT} on the transaction's connection: every change of the API writes
 * one, and an entity persisted only to be flushed cost the busiest requests a tenth of their CPU
 * ({@code docs/performance.md}). Pending entity changes are flushed first, so that the row's references (a user
 * created in the same transaction) exist; the row commits or rolls back with the change it records.
 */
@ApplicationScoped
public class JpaAuditLogRepository implements AuditLogRepository {

    static final String INSERT = "INSERT INTO audit_logs (id, user_id, admin_user_id, action, entity_type, entity_id, "
            + "changes, ip_address, user_agent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";

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
                st.setObject(1, entry.id());
                st.setObject(2, entry.userId());
                st.setObject(3, entry.adminUserId());
                st.setString(4, entry.action());
                st.setString(5, entry.entityType());
                st.setObject(6, entry.entityId());
                st.setString(7, entry.changes() == null ? null : JsonText.write(entry.changes()));
                st.setString(8, entry.ipAddress());
                st.setString(9, entry.userAgent());
                st.setObject(10, entry.at().atOffset(ZoneOffset.UTC));
                st.executeUpdate();
            }
        });
    }
}
