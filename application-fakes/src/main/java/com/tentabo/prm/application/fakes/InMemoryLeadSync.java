package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.lead.Lead;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sync columns of CRM leads kept beside {@link InMemoryLeads}: no locks (one thread at a time in the tests). */
public class InMemoryLeadSync implements LeadSyncRepository {

    private final InMemoryLeads leads;
    private final AuditLogRepository audit;
    private final Map<LeadId, Map<String, Object>> metadata = new ConcurrentHashMap<>();
    private final Map<LeadId, String> statuses = new ConcurrentHashMap<>();

    public InMemoryLeadSync(InMemoryLeads leads, AuditLogRepository audit) {
        this.leads = leads;
        this.audit = audit;
    }

    @Override
    public Optional<SyncedLead> lockByProvider(String providerName, String providerId) {
        return leads.byProvider(providerName, providerId).stream().findFirst().map(this::synced);
    }

    @Override
    public Map<String, SyncedLead> lockAllByProvider(String providerName, Collection<String> providerIds) {
        Map<String, SyncedLead> known = new HashMap<>();
        for (String providerId : providerIds) {
            lockByProvider(providerName, providerId).ifPresent(found -> known.put(providerId, found));
        }
        return known;
    }

    @Override
    public void insertImported(List<ImportedLead> imported, Instant at) {
        for (ImportedLead lead : imported) {
            leads.save(lead.created().lead());
            leads.appendHistory(lead.created().history());
            audit.append(lead.audit());
            recordSync(lead.created().lead().id(), lead.metadata(), "synced", at);
        }
    }

    @Override
    public void recordSync(LeadId leadId, Map<String, Object> values, String syncStatus, Instant at) {
        metadata.computeIfAbsent(leadId, id -> new ConcurrentHashMap<>()).putAll(values);
        statuses.put(leadId, syncStatus);
    }

    /** The lead's {@code sync_status}, null when it was never synced. */
    public String syncStatus(LeadId leadId) {
        return statuses.get(leadId);
    }

    private SyncedLead synced(Lead lead) {
        Map<String, Object> stored = metadata.getOrDefault(lead.id(), Map.of());
        return new SyncedLead(lead, instant(stored.get("update_time")), instant(stored.get(WRITTEN_UPDATE_TIME)));
    }

    private static Instant instant(Object stored) {
        try {
            return stored == null ? null : Instant.parse(stored.toString());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
