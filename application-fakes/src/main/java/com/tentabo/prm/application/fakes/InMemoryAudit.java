package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.domain.id.AuditLogId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The audit log in memory; the entries appended stay readable as written ({@link #entries}). */
public class InMemoryAudit implements AuditLogRepository {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    /** The entries appended, in order. */
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The actions recorded for an entity, in order ("create", "transition", …). */
    public synchronized List<String> actionsOn(UUID entityId) {
        return entries.stream()
                .filter(e -> e.entityId().equals(entityId))
                .map(AuditEntry::action)
                .toList();
    }

    @Override
    public synchronized Optional<AuditRecord> findById(AuditLogId id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().map(InMemoryAudit::record);
    }

    @Override
    public synchronized List<AuditRecord> list(AuditQuery q) {
        return entries.stream()
                .filter(e -> q.entityType() == null || q.entityType().equals(e.entityType()))
                .filter(e -> q.entityId() == null || q.entityId().equals(e.entityId()))
                .filter(e -> q.action() == null || q.action().equals(e.action()))
                .filter(e -> q.userId() == null || q.userId().equals(e.userId()))
                .filter(e -> q.adminUserId() == null || q.adminUserId().equals(e.adminUserId()))
                .filter(e -> q.since() == null || !e.at().isBefore(q.since()))
                .filter(e -> q.until() == null || e.at().isBefore(q.until()))
                .filter(e -> q.cursorCreatedAt() == null
                        || q.cursorId() == null
                        || Keys.before(
                                e.at(),
                                e.id().value(),
                                q.cursorCreatedAt(),
                                q.cursorId().value()))
                .sorted(Keys.newestFirst(AuditEntry::at, e -> e.id().value()))
                .limit(q.limit())
                .map(InMemoryAudit::record)
                .toList();
    }

    /**
     * An entry's changes in the shape the persistence adapter stores them ({@code {"after": x}}, {@code {"before": x}},
     * {@code {"before": x, "after": y}}, {@code {"value": x}}, {@code "***"}), for assertions; null for none.
     */
    public static Map<String, Object> changesOf(AuditEntry e) {
        if (e.changes() == null) {
            return null;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (AuditChange.Field f : e.changes()) {
            changes.put(
                    f.name(),
                    switch (f.kind()) {
                        case SET -> member("after", f.after());
                        case REMOVED -> member("before", f.before());
                        case CHANGED -> {
                            Map<String, Object> pair = member("before", f.before());
                            pair.put("after", f.after());
                            yield pair;
                        }
                        case NOTED -> member("value", f.after());
                        case HIDDEN -> "***";
                        case AS_GIVEN -> f.after();
                    });
        }
        return changes;
    }

    private static Map<String, Object> member(String key, Object value) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put(key, value);
        return member;
    }

    private static AuditRecord record(AuditEntry e) {
        return new AuditRecord(
                e.id(),
                e.userId(),
                e.adminUserId(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.changes() == null ? null : Json.of(changesOf(e)),
                e.ipAddress(),
                e.userAgent(),
                e.at());
    }
}
