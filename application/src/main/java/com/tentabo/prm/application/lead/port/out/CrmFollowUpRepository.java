package com.tentabo.prm.application.lead.port.out;

import com.tentabo.prm.application.provider.CrmActivity;
import com.tentabo.prm.application.provider.CrmNote;
import com.tentabo.prm.domain.id.LeadId;
import java.time.Instant;
import java.util.Set;

/**
 * The activities and notes a CRM holds on a lead it gave the PRM, kept in {@code lead_activities} and
 * {@code lead_notes} under the CRM's name and id ({@code provider_name}, {@code provider_id}).
 */
public interface CrmFollowUpRepository {

    /** Creates the CRM's activity on the lead, or brings the stored copy up to it; answers whether a row changed. */
    boolean putActivity(LeadId leadId, String providerName, CrmActivity activity, Instant now);

    /** Creates the CRM's note on the lead, or brings the stored copy up to it; answers whether a row changed. */
    boolean putNote(LeadId leadId, String providerName, CrmNote note, Instant now);

    /** Removes the CRM's activity with this id, wherever it is; answers whether there was one. */
    boolean removeActivity(String providerName, String providerId);

    /** Removes the CRM's note with this id, wherever it is; answers whether there was one. */
    boolean removeNote(String providerName, String providerId);

    /** Removes the lead's activities from the CRM whose ids are not in {@code keep}; answers how many. */
    int retainActivities(LeadId leadId, String providerName, Set<String> keep);

    /** Removes the lead's notes from the CRM whose ids are not in {@code keep}; answers how many. */
    int retainNotes(LeadId leadId, String providerName, Set<String> keep);
}
