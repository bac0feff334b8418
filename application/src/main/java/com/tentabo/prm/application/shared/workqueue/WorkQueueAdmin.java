package com.tentabo.prm.application.shared.workqueue;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.shared.port.out.WorkQueueRepository;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an operator does to any work queue by hand: read one item (ADMIN and RESTRICTED_ADMIN), and send an item that
 * ended without success through the worker again (ADMIN) — pending, due now, attempts from zero, audited.
 */
@ApplicationScoped
public class WorkQueueAdmin {

    /**
     * How a queue names its items: the audit rows' entity type, the label of a 404, its two error codes, and the
     * refusal of a requeue, followed by the item's status.
     */
    public record Kind(String entityType, String label, ErrorCode notFound, ErrorCode notRequeueable, String refusal) {}

    /**
     * An item as locked for a requeue: whether it may be requeued, its status as a refusal names it, and the fields the
     * audit row compares (before the requeue, and after it).
     */
    public record Held(boolean requeueable, String status, Map<String, ?> before, Map<String, ?> after) {}

    private final AuditRecorder audit;
    private final Clock clock;

    public WorkQueueAdmin(AuditRecorder audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The item, for SYSTEM_READ; a 404 of the kind when there is none. */
    public <K extends EntityId, R> R item(Caller caller, K id, Kind kind, Function<K, Optional<R>> find) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return find.apply(id).orElseThrow(() -> notFound(kind, id));
    }

    /**
     * Requeues the item {@code lock} reads with its row locked (SYSTEM_WRITE): a 404 when there is none, a 409 of the
     * kind when it may not be requeued; audited as {@code requeue} of the kind's entity type.
     */
    public <K extends EntityId> void requeue(
            Caller caller, K id, Kind kind, WorkQueueRepository<K, ?> queue, Function<K, Optional<Held>> lock) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        Held held = lock.apply(id).orElseThrow(() -> notFound(kind, id));
        if (!held.requeueable()) {
            throw new DomainException(kind.notRequeueable(), kind.refusal() + held.status());
        }
        var now = clock.instant();
        queue.requeue(id, now);
        audit.record(
                caller,
                AuditChange.changed("requeue", kind.entityType(), id.value(), held.before(), held.after()),
                now);
    }

    private static DomainException notFound(Kind kind, EntityId id) {
        return DomainException.notFound(kind.notFound(), kind.label(), id);
    }
}
