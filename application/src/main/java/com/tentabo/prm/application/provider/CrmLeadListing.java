package com.tentabo.prm.application.provider;

import java.util.List;

/**
 * One page of a CRM's leads read whole (each with its organization's and person's names), oldest change first, as a
 * first full import takes them. {@code next} is the cursor of the following page, null on the last one.
 */
public record CrmLeadListing(List<CrmLead> leads, String next) {

    public CrmLeadListing {
        leads = List.copyOf(leads);
    }

    /** The page as a list of changes: each lead's CRM id and change time. */
    public List<CrmLeadPage.Change> changes() {
        return leads.stream()
                .map(lead -> new CrmLeadPage.Change(lead.providerId(), lead.updatedAt()))
                .toList();
    }
}
