package com.tentabo.prm.domain.lead;

import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.Objects;

/** One row of {@code lead_status_history}: old (null for the creation), new, who, why, when. */
public record StatusChange(
        LeadHistoryId id, LeadId leadId, LeadStatus from, LeadStatus to, UserId changedBy, String reason, Instant at) {
    public StatusChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
