package com.tentabo.prm.application.audit.service;

import com.tentabo.prm.application.audit.AuditAuthor;
import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.AuditLogId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Records {@link AuditChange}s as audit rows in the caller's transaction: the author (a person, recorded as a user or
 * an admin account with where the request came from, or a background worker by name), a new id and the time. Use
 * cases say what changed; how a row is written is said here once.
 */
@ApplicationScoped
public class AuditRecorder {

    private final AuditLogRepository audit;
    private final IdGenerator ids;

    public AuditRecorder(AuditLogRepository audit, IdGenerator ids) {
        this.audit = audit;
        this.ids = ids;
    }

    /** A change made by a person (or an API key acting for one). */
    public void record(Caller author, AuditChange change, Instant at) {
        record(AuditAuthor.of(author), change, at);
    }

    /** A change by an author who is not a caller (yet): a sign-in, a worker. */
    public void record(AuditAuthor author, AuditChange change, Instant at) {
        audit.append(AuditEntry.of(new AuditLogId(ids.newId()), author, change, at));
    }

    /** A change made by a background worker (no person): the worker's name stands in the user-agent column. */
    public void recordByWorker(String worker, AuditChange change, Instant at) {
        record(AuditAuthor.worker(worker), change, at);
    }

    /** The row of a change made by a background worker, for a repository that writes it with what it audits. */
    public AuditEntry entryByWorker(String worker, AuditChange change, Instant at) {
        return AuditEntry.of(new AuditLogId(ids.newId()), AuditAuthor.worker(worker), change, at);
    }

    /** The row of a change made by a person, for a repository that writes it with the entity it audits. */
    public AuditEntry entry(Caller author, AuditChange change, Instant at) {
        return AuditEntry.of(new AuditLogId(ids.newId()), AuditAuthor.of(author), change, at);
    }
}
