package com.tentabo.prm.application.provider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One page of the leads a CRM changed since a time, oldest change first: each lead's CRM id and change time.
 * {@code next} is the cursor of the following page, null on the last one.
 */
public record CrmLeadPage(List<Change> leads, String next) {

    public CrmLeadPage {
        leads = List.copyOf(leads);
    }

    public record Change(String leadId, Instant updatedAt) {
        public Change {
            Objects.requireNonNull(leadId, "leadId");
        }
    }
}
