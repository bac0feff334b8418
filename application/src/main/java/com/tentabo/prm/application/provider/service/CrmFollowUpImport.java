package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.lead.port.out.CrmFollowUpRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.application.provider.CrmActivity;
import com.tentabo.prm.application.provider.CrmNote;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.WebhookEventId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps the activities and notes of the leads a CRM gave the PRM in step with the CRM; the caller runs each call in a
 * transaction of its own, after the CRM was read (see {@link WebhookProcessingService}). Only an activity or note
 * linked to a lead the PRM imported from that CRM is kept; one the CRM deleted, or moved off such a lead, is removed.
 */
@ApplicationScoped
public class CrmFollowUpImport {

    private final WebhookEventRepository events;
    private final LeadSyncRepository synced;
    private final CrmFollowUpRepository followUps;

    public CrmFollowUpImport(
            WebhookEventRepository events, LeadSyncRepository synced, CrmFollowUpRepository followUps) {
        this.events = events;
        this.synced = synced;
        this.followUps = followUps;
    }

    /**
     * Applies the CRM's activity as it is now (empty: the CRM no longer has it) and settles the event:
     * {@code processed}, or {@code ignored} when it is about no imported lead.
     */
    public void activity(
            WebhookEventId eventId,
            String providerName,
            String activityId,
            Optional<CrmActivity> activity,
            Instant now) {
        Optional<LeadId> lead = activity.flatMap(found -> leadOf(providerName, found.leadId()));
        boolean changed = lead.isPresent()
                ? followUps.putActivity(lead.get(), providerName, activity.get(), now)
                : followUps.removeActivity(providerName, activityId);
        events.settle(
                eventId, lead.isPresent() || changed ? WebhookEventStatus.PROCESSED : WebhookEventStatus.IGNORED, now);
    }

    /** As {@link #activity}, for a note. */
    public void note(WebhookEventId eventId, String providerName, String noteId, Optional<CrmNote> note, Instant now) {
        Optional<LeadId> lead = note.flatMap(found -> leadOf(providerName, found.leadId()));
        boolean changed = lead.isPresent()
                ? followUps.putNote(lead.get(), providerName, note.get(), now)
                : followUps.removeNote(providerName, noteId);
        events.settle(
                eventId, lead.isPresent() || changed ? WebhookEventStatus.PROCESSED : WebhookEventStatus.IGNORED, now);
    }

    /**
     * Brings all of a lead's activities and notes in step with the CRM's lists: each one put, the lead's others from
     * the CRM removed. Nothing happens when the lead is not (or no longer) in the PRM.
     */
    public void reconcile(
            String providerName,
            String leadProviderId,
            List<CrmActivity> activities,
            List<CrmNote> notes,
            Instant now) {
        leadOf(providerName, leadProviderId).ifPresent(lead -> {
            activities.forEach(activity -> followUps.putActivity(lead, providerName, activity, now));
            notes.forEach(note -> followUps.putNote(lead, providerName, note, now));
            followUps.retainActivities(
                    lead,
                    providerName,
                    activities.stream().map(CrmActivity::providerId).collect(Collectors.toSet()));
            followUps.retainNotes(
                    lead, providerName, notes.stream().map(CrmNote::providerId).collect(Collectors.toSet()));
        });
    }

    private Optional<LeadId> leadOf(String providerName, String leadProviderId) {
        return leadProviderId == null
                ? Optional.empty()
                : synced.lockByProvider(providerName, leadProviderId)
                        .map(known -> known.lead().id());
    }
}
