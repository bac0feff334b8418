package com.tentabo.prm.application.outbox.service;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.in.ManageOutboxUseCase;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class OutboxAdminService implements ManageOutboxUseCase {

    private final OutboxRepository outbox;
    private final AuditLogRepository audit;
    private final IdGenerator ids;
    private final Clock clock;

    public OutboxAdminService(OutboxRepository outbox, AuditLogRepository audit, IdGenerator ids, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Page<OutboxEventRecord> events(Caller caller, OutboxEventFilter filter) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        int limit = Cursor.limit(filter.limit());
        Cursor cursor = Cursor.decode(filter.cursor());
        Filters.window(filter.since(), filter.until());
        return Page.ofRows(
                outbox.list(new OutboxRepository.OutboxQuery(
                        status(filter.status()),
                        Filters.text("topic", filter.topic(), 100),
                        filter.aggregateId(),
                        filter.since(),
                        filter.until(),
                        cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : cursor.id(),
                        limit + 1)),
                limit,
                OutboxEventRecord::createdAt,
                OutboxEventRecord::id);
    }

    @Override
    public OutboxEventRecord event(Caller caller, UUID id) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return outbox.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public OutboxEventRecord requeue(Caller caller, UUID id) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        OutboxEventRecord event = outbox.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!event.requeueable()) {
            throw new DomainException(
                    ErrorCode.OUTBOX_EVENT_NOT_REQUEUEABLE,
                    "Only a FAILED or SKIPPED event can be sent again; this one is "
                            + event.status().name());
        }
        Instant now = clock.instant();
        outbox.requeue(id, now);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", event.status().name());
        before.put("attempts", event.attempts());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", OutboxStatus.PENDING.name());
        after.put("attempts", 0);
        audit.append(
                AuditEntry.by(caller, ids.newId(), "requeue", "outbox_event", id, Changes.diff(before, after), now));
        return outbox.find(id).orElseThrow();
    }

    /** A status filter in any case, as the API shows statuses in lower case. */
    private static OutboxStatus status(String raw) {
        return OutboxStatus.parse(Filters.text("status", raw, 20));
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound(ErrorCode.OUTBOX_EVENT_NOT_FOUND, "Outbox event", id);
    }
}
