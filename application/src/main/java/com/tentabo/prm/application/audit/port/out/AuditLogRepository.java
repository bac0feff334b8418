package com.tentabo.prm.application.audit.port.out;

import com.tentabo.prm.application.audit.AuditEntry;

/** Appends to {@code audit_logs}, in the caller's transaction (a mutation and its audit row commit together). */
public interface AuditLogRepository {
    void append(AuditEntry entry);
}
