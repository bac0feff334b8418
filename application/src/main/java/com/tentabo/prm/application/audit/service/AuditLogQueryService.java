package com.tentabo.prm.application.audit.service;

import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.audit.port.in.QueryAuditLogUseCase;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
@Transactional
public class AuditLogQueryService implements QueryAuditLogUseCase {

    /** The longest text filters the columns can hold ({@code action} VARCHAR(100), {@code entity_type} VARCHAR(50)). */
    static final int MAX_ACTION = 100;

    static final int MAX_ENTITY_TYPE = 50;

    private final AuditLogRepository auditLog;

    public AuditLogQueryService(AuditLogRepository auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public AuditRecord get(Caller caller, AuditLogId id) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return auditLog.findById(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.AUDIT_LOG_NOT_FOUND, "Audit log entry", id));
    }

    @Override
    public Page<AuditRecord> list(Caller caller, AuditLogFilter filter) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        int limit = Cursor.limit(filter.limit());
        Cursor cursor = Cursor.decode(filter.cursor());
        String entityType = Filters.text("entity_type", filter.entityType(), MAX_ENTITY_TYPE);
        String action = Filters.text("action", filter.action(), MAX_ACTION);
        Filters.window(filter.since(), filter.until());
        List<AuditRecord> rows = auditLog.list(new AuditLogRepository.AuditQuery(
                entityType,
                filter.entityId(),
                action,
                filter.userId(),
                filter.adminUserId(),
                filter.since(),
                filter.until(),
                cursor == null ? null : cursor.createdAt(),
                cursor == null ? null : new AuditLogId(cursor.id()),
                limit + 1));
        return Page.ofRows(rows, limit, AuditRecord::createdAt, r -> r.id().value());
    }
}
