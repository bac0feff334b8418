package com.tentabo.prm.application.outbox.service;

import com.tentabo.prm.application.outbox.OutboxEventRecord;
import com.tentabo.prm.application.outbox.OutboxStatus;
import com.tentabo.prm.application.outbox.port.in.ManageOutboxUseCase;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;
import com.tentabo.prm.application.shared.Filters;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.application.shared.workqueue.WorkQueueAdmin;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.OutboxEventId;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

@ApplicationScoped
@Transactional
public class OutboxAdminService implements ManageOutboxUseCase {

    static final WorkQueueAdmin.Kind OUTBOX_EVENT = new WorkQueueAdmin.Kind(
            "outbox_event",
            "Outbox event",
            ErrorCode.OUTBOX_EVENT_NOT_FOUND,
            ErrorCode.OUTBOX_EVENT_NOT_REQUEUEABLE,
            "Only a FAILED or SKIPPED event can be sent again; this one is ");

    private final OutboxRepository outbox;
    private final WorkQueueAdmin admin;

    public OutboxAdminService(OutboxRepository outbox, WorkQueueAdmin admin) {
        this.outbox = outbox;
        this.admin = admin;
    }

    @Override
    public Page<OutboxEventRecord> events(Caller caller, OutboxEventFilter filter) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return Page.read(
                filter.cursor(),
                filter.limit(),
                filter.since(),
                filter.until(),
                keyset -> outbox.list(new OutboxRepository.OutboxQuery(
                        status(filter.status()),
                        Filters.text("topic", filter.topic(), 100),
                        filter.aggregateId(),
                        filter.since(),
                        filter.until(),
                        keyset.cursorAt(),
                        keyset.cursorId(),
                        keyset.rows())),
                OutboxEventRecord::createdAt,
                event -> event.id().value());
    }

    @Override
    public OutboxEventRecord event(Caller caller, OutboxEventId id) {
        return admin.item(caller, id, OUTBOX_EVENT, outbox::find);
    }

    @Override
    public OutboxEventRecord requeue(Caller caller, OutboxEventId id) {
        admin.requeue(
                caller,
                id,
                OUTBOX_EVENT,
                outbox,
                key -> outbox.findForUpdate(key)
                        .map(event -> new WorkQueueAdmin.Held(
                                event.requeueable(),
                                event.status().name(),
                                fields(event.status(), event.attempts()),
                                fields(OutboxStatus.PENDING, 0))));
        return outbox.find(id).orElseThrow();
    }

    /** What a requeue's audit row compares. */
    private static Map<String, Object> fields(OutboxStatus status, int attempts) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status.name());
        fields.put("attempts", attempts);
        return fields;
    }

    /** A status filter in any case, as the API shows statuses in lower case. */
    private static OutboxStatus status(String raw) {
        return OutboxStatus.parse(Filters.text("status", raw, 20));
    }
}
