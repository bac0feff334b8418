package com.tentabo.prm.application.lead.port.out;

import com.tentabo.prm.domain.lead.Lead;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    void recordSync(UUID leadId, Map<String, Object> metadata, String syncStatus, Instant at);
}
