package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.CrmLead;
import com.tentabo.prm.application.provider.CrmLeadListing;
import com.tentabo.prm.application.provider.CrmLeadPage;
import com.tentabo.prm.application.provider.DealReceipt;
import com.tentabo.prm.application.provider.DealRequest;
import com.tentabo.prm.application.provider.ProviderSettings;
import java.util.Optional;

/**
 * A CRM (Pipedrive, …). One implementation per provider; the active one is chosen at delivery time by
 * {@link #providerName()} matching the active {@code provider_configs} row of type CRM.
 */
public interface CrmGateway {

    String providerName();

    /**
     * Opens the deal of a sent order, or finds the one an earlier attempt already opened for the same order.
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the CRM does not accept it
     */
    DealReceipt requestDeal(ProviderSettings settings, DealRequest request);

    /**
     * The lead with this CRM id as the CRM holds it now (with its organization's and person's names), or empty when
     * the CRM no longer has it.
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the CRM cannot be read
     */
    Optional<CrmLead> lead(ProviderSettings settings, String leadId);

    /**
     * The leads changed since {@code since} (all of them when null), oldest change first, a page at a time from
     * {@code cursor} (null: the first page).
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the CRM cannot be read
     */
    CrmLeadPage leadsChangedSince(ProviderSettings settings, java.time.Instant since, String cursor);

    /**
     * As {@link #leadsChangedSince}, each lead read whole (as {@link #lead} reads it): what a first full import
     * writes. A CRM that lists its leads whole reads a page in a few calls; this default reads the listing, then each
     * lead alone (a lead gone meanwhile is left out).
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the CRM cannot be read
     */
    default CrmLeadListing leadsWithDetailsSince(ProviderSettings settings, java.time.Instant since, String cursor) {
        CrmLeadPage page = leadsChangedSince(settings, since, cursor);
        java.util.List<CrmLead> leads = new java.util.ArrayList<>();
        for (CrmLeadPage.Change change : page.leads()) {
            lead(settings, change.leadId()).ifPresent(leads::add);
        }
        return new CrmLeadListing(leads, page.next());
    }

    /**
     * Writes the PRM's changes to the CRM's lead (nothing is sent when the update is empty). Answers the CRM's change
     * time of the lead after the write (null when unknown or nothing was sent), which tells its echo apart.
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the CRM does not accept it (a lead the CRM no
     *                                                              longer has is a permanent failure)
     */
    java.time.Instant updateLead(ProviderSettings settings, com.tentabo.prm.application.provider.CrmLeadUpdate update);

    /**
     * Sets a deal's status (won, lost with its reason, open). Answers the CRM's change time of the deal after the
     * write (null when unknown).
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when the CRM does not accept it
     */
    java.time.Instant updateDeal(ProviderSettings settings, com.tentabo.prm.application.provider.CrmDealUpdate update);

    /** The activity with this CRM id as the CRM holds it now, or empty when the CRM no longer has it. */
    Optional<com.tentabo.prm.application.provider.CrmActivity> activity(ProviderSettings settings, String activityId);

    /** The note with this CRM id as the CRM holds it now, or empty when the CRM no longer has it. */
    Optional<com.tentabo.prm.application.provider.CrmNote> note(ProviderSettings settings, String noteId);

    /** All the activities linked to the CRM's lead, every page read. */
    java.util.List<com.tentabo.prm.application.provider.CrmActivity> activitiesOfLead(
            ProviderSettings settings, String leadId);

    /** All the notes of the CRM's lead, every page read. */
    java.util.List<com.tentabo.prm.application.provider.CrmNote> notesOfLead(ProviderSettings settings, String leadId);
}
