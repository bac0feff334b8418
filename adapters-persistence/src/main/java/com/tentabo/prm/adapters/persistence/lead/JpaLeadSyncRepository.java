package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CRM leads by the CRM's id. The seed has no unique index on {@code (provider_name, provider_id)} (and an adopted
 * database may hold repeats), so the pair is serialised with a transaction-level advisory lock before it is looked up:
 * two events about one new lead create it once. Among repeats, the oldest lead is the one kept in sync.
 */
@ApplicationScoped
public class JpaLeadSyncRepository implements LeadSyncRepository {

    private final EntityManager em;

    public JpaLeadSyncRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<SyncedLead> lockByProvider(String providerName, String providerId) {
        SqlRows.lockForTransaction(em, "leads:" + providerName + "/" + providerId);
        return em.createQuery(
                        "select l from LeadEntity l where l.providerName = :name and l.providerId = :id "
                                + "order by l.createdAt, l.id",
                        LeadEntity.class)
                .setParameter("name", providerName)
                .setParameter("id", providerId)
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(e -> new SyncedLead(
                        JpaLeadRepository.restore(e),
                        remoteUpdatedAt(e.providerMetadata, "update_time"),
                        remoteUpdatedAt(e.providerMetadata, LeadSyncRepository.WRITTEN_UPDATE_TIME)));
    }

    @Override
    public void recordSync(UUID leadId, Map<String, Object> metadata, String syncStatus, Instant at) {
        LeadEntity lead = em.find(LeadEntity.class, leadId);
        // stored metadata that is not a JSON object (a legacy array or scalar) is replaced by the synced object
        Map<String, Object> merged = new HashMap<>();
        if (lead.providerMetadata instanceof Map<?, ?> stored) {
            stored.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        merged.putAll(metadata);
        lead.providerMetadata = merged;
        lead.lastSyncAt = at;
        lead.syncStatus = syncStatus;
        lead.syncError = null;
        em.flush();
    }

    private static Instant remoteUpdatedAt(Object metadata, String key) {
        Object stored = metadata instanceof Map<?, ?> object ? object.get(key) : null;
        if (stored == null) {
            return null;
        }
        try {
            return Instant.parse(stored.toString());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
