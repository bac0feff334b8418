package com.tentabo.prm.application.lead.port.out;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.lead.Lead;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Leads that come from a CRM, found by the CRM's id, and their sync columns ({@code provider_metadata}, …). */
public interface LeadSyncRepository {

    /**
     * The {@code provider_metadata} key of the CRM's change time that the PRM's own last write to the lead produced
     * (the CRM's answer to it): a webhook carrying that change time is the echo of that write.
     */
    String WRITTEN_UPDATE_TIME = "written_update_time";

    /**
     * A CRM's lead as stored, with the CRM's change time of the copy last applied and of the PRM's own last write to
     * it (each null when unknown).
     */
    record SyncedLead(Lead lead, Instant remoteUpdatedAt, Instant writtenUpdatedAt) {
        public SyncedLead(Lead lead, Instant remoteUpdatedAt) {
            this(lead, remoteUpdatedAt, null);
        }
    }

    /**
     * The lead the CRM knows by this id, if it was imported before. Holds a transaction-long lock on the pair first,
     * so that two events about one new lead create it once.
     */
    Optional<SyncedLead> lockByProvider(String providerName, String providerId);

    /**
     * Records a sync: {@code provider_metadata} merged with {@code metadata}, {@code last_sync_at}, {@code sync_status}
     * ({@code synced}, {@code deleted_in_crm}), and {@code sync_error} cleared.
     */
    void recordSync(LeadId leadId, Map<String, Object> metadata, String syncStatus, Instant at);

    /**
     * A CRM's lead new to the PRM, as a bulk import writes it: the lead and its first history row, its
     * {@code provider_metadata}, and its audit row.
     */
    record ImportedLead(Lead.Created created, Map<String, Object> metadata, AuditEntry audit) {}

    /**
     * The leads the CRM knows by these ids that were imported before, by CRM id, as {@link #lockByProvider} finds
     * each one (the oldest of repeats), in one query: each pair is locked first, in id order (two bulk imports and the
     * webhook worker never wait for each other in a circle).
     */
    Map<String, SyncedLead> lockAllByProvider(String providerName, Collection<String> providerIds);

    /**
     * Inserts CRM leads new to the PRM, each with its first history row, its audit row and its sync columns
     * ({@code provider_metadata}, {@code last_sync_at} = {@code at}, {@code sync_status} {@code synced}), as batches:
     * what {@link com.tentabo.prm.application.lead.port.out.LeadRepository#save}, {@code appendHistory},
     * {@link #recordSync} and the audit log do lead by lead.
     */
    void insertImported(List<ImportedLead> leads, Instant at);
}
