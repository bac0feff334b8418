package com.tentabo.prm.adapters.persistence.audit;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

@ApplicationScoped
public class JpaAuditLogRepository implements AuditLogRepository {

    private final EntityManager em;

    public JpaAuditLogRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void append(AuditEntry entry) {
        AuditLogEntity e = new AuditLogEntity();
        e.id = entry.id();
        e.userId = entry.userId();
        e.adminUserId = entry.adminUserId();
        e.action = entry.action();
        e.entityType = entry.entityType();
        e.entityId = entry.entityId();
        e.changes = entry.changes();
        e.ipAddress = entry.ipAddress();
        e.userAgent = entry.userAgent();
        e.createdAt = entry.at();
        em.persist(e);
    }
}
