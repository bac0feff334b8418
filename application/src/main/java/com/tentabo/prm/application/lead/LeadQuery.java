package com.tentabo.prm.application.lead;

import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.LeadStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Filters of the lead list (all optional, combined with AND): statuses, owner, partner, distributor, expected
 * close date range (inclusive from, exclusive to), provider name, full-text {@code search} over title,
 * organization, contact name and email (every word must match a word prefix). Ordered newest first, ties by id.
 */
public record LeadQuery(
        Set<LeadStatus> statuses,
        UserId ownerId,
        PartnerId partnerId,
        DistributorId distributorId,
        Instant closeFrom,
        Instant closeTo,
        String provider,
        String search,
        int limit,
        Cursor after) {
    public LeadQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
