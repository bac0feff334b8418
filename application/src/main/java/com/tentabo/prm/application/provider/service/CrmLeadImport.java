package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.company.service.ActiveAssignments;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.application.provider.CrmLead;
import com.tentabo.prm.application.provider.CrmLeadPage;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies a CRM's lead to the PRM and settles its webhook event; the caller runs each call in a transaction of its
 * own, after the CRM was read (see {@link WebhookProcessingService}).
 *
 * <p>Import rules (docs/providers.md): a new CRM lead becomes a PRM lead in status NEW, owned by the provider's
 * configured {@code lead_owner_user_id}, in the tenant of {@code lead_partner_id} / {@code lead_distributor_id} when
 * configured (else unassigned, visible to admins); a known one gets its title, organization, contact, value, currency
 * and expected close date refreshed, never its status, owner, probability or tenant (the PRM owns those). A copy older
 * than the one last applied changes nothing.
 */
@ApplicationScoped
public class CrmLeadImport {

    static final String WORKER = "webhook-worker";

    private final WebhookEventRepository events;
    private final LeadSyncRepository synced;
    private final LeadRepository leads;
    private final UserRepository users;
    private final PartnerRepository partners;
    private final DistributorRepository distributors;
    private final ActiveAssignments assignments;
    private final AuditRecorder recorder;
    private final IdGenerator ids;

    public CrmLeadImport(
            WebhookEventRepository events,
            LeadSyncRepository synced,
            LeadRepository leads,
            UserRepository users,
            PartnerRepository partners,
            DistributorRepository distributors,
            ActiveAssignments assignments,
            AuditRecorder recorder,
            IdGenerator ids) {
        this.events = events;
        this.synced = synced;
        this.leads = leads;
        this.users = users;
        this.partners = partners;
        this.distributors = distributors;
        this.assignments = assignments;
        this.recorder = recorder;
        this.ids = ids;
    }

    /** Creates or refreshes the PRM lead of a CRM lead and settles the event: one transaction. */
    public void importLead(WebhookEventId eventId, ProviderSettings provider, CrmLead crm, Instant now) {
        Optional<LeadSyncRepository.SyncedLead> known = synced.lockByProvider(provider.name(), crm.providerId());
        if (known.isPresent() && isStale(known.get(), crm)) {
            events.settle(eventId, WebhookEventStatus.PROCESSED, now);
            return;
        }
        if (known.isEmpty()) {
            Lead.Created created = created(provider, crm, owner(provider), tenant(provider), now);
            leads.save(created.lead());
            leads.appendHistory(created.history());
            recorder.recordByWorker(WORKER, imported(created.lead()), now);
            synced.recordSync(created.lead().id(), metadata(crm), "synced", now);
        } else {
            refresh(known.get(), crm, WORKER, now);
        }
        events.settle(eventId, WebhookEventStatus.PROCESSED, now);
    }

    /**
     * Applies a page of a first full import, one transaction, with set-based statements: the page's known leads found
     * at once, its new leads (with their history, audit rows and sync columns) inserted as batches. The rules are the
     * one-lead path's ({@link #importLead}): a known lead gets its details refreshed, a new one is owned by the
     * configured owner in the configured tenant, and a copy not newer than the one applied changes nothing (no row is
     * written for it). A lead listed twice on the page is applied once, as its newest copy. A lead the PRM's rules
     * refuse (an e-mail that is none, …) is left out and answered among the {@code refused}, for the caller to queue:
     * the webhook worker then fails its event with the reason, where staff see it and can requeue it.
     */
    public PageImport importPage(ProviderSettings provider, List<CrmLead> page, Instant now) {
        Map<String, CrmLead> newest = new LinkedHashMap<>();
        for (CrmLead crm : page) {
            newest.merge(crm.providerId(), crm, (a, b) -> isNewer(b, a) ? b : a);
        }
        if (newest.isEmpty()) {
            return new PageImport(0, List.of());
        }
        Map<String, LeadSyncRepository.SyncedLead> known = synced.lockAllByProvider(provider.name(), newest.keySet());
        List<LeadSyncRepository.ImportedLead> created = new ArrayList<>();
        List<CrmLeadPage.Change> refused = new ArrayList<>();
        int changed = 0;
        UserId owner = null;
        TenantRef tenant = null;
        for (CrmLead crm : newest.values()) {
            LeadSyncRepository.SyncedLead before = known.get(crm.providerId());
            try {
                if (before == null) {
                    if (owner == null) {
                        owner = owner(provider);
                        tenant = tenant(provider);
                    }
                    Lead.Created lead = created(provider, crm, owner, tenant, now);
                    created.add(new LeadSyncRepository.ImportedLead(
                            lead,
                            metadata(crm),
                            recorder.entryByWorker(ProviderSyncRecords.WORKER, imported(lead.lead()), now)));
                } else if (isNewer(crm, before)) {
                    refresh(before, crm, ProviderSyncRecords.WORKER, now);
                    changed++;
                }
            } catch (DomainException refusedByTheRules) {
                refused.add(new CrmLeadPage.Change(crm.providerId(), crm.updatedAt()));
            }
        }
        synced.insertImported(created, now);
        return new PageImport(created.size() + changed, refused);
    }

    /** What a page of a first full import did: the leads created or changed, and the ones the PRM's rules refused. */
    public record PageImport(int written, List<CrmLeadPage.Change> refused) {}

    private Lead.Created created(ProviderSettings provider, CrmLead crm, UserId owner, TenantRef tenant, Instant now) {
        return Lead.imported(
                new LeadId(ids.newId()),
                new LeadHistoryId(ids.newId()),
                provider.name(),
                crm.providerId(),
                details(crm, null),
                owner,
                tenant,
                now);
    }

    private static AuditChange imported(Lead lead) {
        return new AuditChange("lead.imported", "lead", lead.id().value(), Changes.created(lead.asMap()));
    }

    /** A known lead takes the CRM's details (never its status, owner, probability or tenant) and its sync columns. */
    private void refresh(LeadSyncRepository.SyncedLead known, CrmLead crm, String agent, Instant now) {
        Lead before = known.lead();
        Lead after = before.revise(details(crm, before.details().probability()), now);
        Map<String, Object> changes = Changes.diff(before.asMap(), after.asMap());
        if (!changes.isEmpty()) {
            leads.save(after);
            recorder.recordByWorker(
                    agent, new AuditChange("lead.synced", "lead", before.id().value(), changes), now);
        }
        synced.recordSync(before.id(), metadata(crm), "synced", now);
    }

    /** What {@code provider_metadata} keeps of the CRM's lead: its facts and its change time. */
    private static Map<String, Object> metadata(CrmLead crm) {
        Map<String, Object> metadata = new LinkedHashMap<>(crm.metadata());
        if (crm.updatedAt() != null) {
            metadata.put("update_time", crm.updatedAt().toString());
        }
        return metadata;
    }

    /** Whether the PRM already has the CRM's lead. */
    public boolean isKnown(String providerName, String leadProviderId) {
        return synced.lockByProvider(providerName, leadProviderId).isPresent();
    }

    /**
     * Why a lead event needs no call at all, if it does not: its lead is known and the event carries the CRM's change
     * time, and that time is the one the PRM's own last write produced (its echo: {@code change_source} {@code api})
     * or is not newer than the copy last applied (a late or repeated delivery). Empty: the lead is read and applied.
     */
    public Optional<String> alreadyApplied(
            String providerName, com.tentabo.prm.application.provider.WebhookSubject subject) {
        if (subject.updatedAt() == null
                || com.tentabo.prm.application.provider.WebhookSubject.DELETE.equals(subject.action())) {
            return Optional.empty();
        }
        return synced.lockByProvider(providerName, subject.entityId()).flatMap(known -> {
            if (com.tentabo.prm.application.provider.WebhookSubject.API.equals(subject.changeSource())
                    && subject.updatedAt().equals(known.writtenUpdatedAt())) {
                return Optional.of("the echo of the PRM's own write (update time " + subject.updatedAt() + ")");
            }
            if (known.remoteUpdatedAt() != null && !subject.updatedAt().isAfter(known.remoteUpdatedAt())) {
                return Optional.of("not newer than the copy applied (update time " + subject.updatedAt() + " <= "
                        + known.remoteUpdatedAt() + ")");
            }
            return Optional.empty();
        });
    }

    /** The CRM no longer has the lead: the PRM lead stays (it may carry orders), marked {@code deleted_in_crm}. */
    public void leadGone(WebhookEventId eventId, String providerName, String providerId, Instant now) {
        synced.lockByProvider(providerName, providerId).ifPresent(known -> {
            synced.recordSync(known.lead().id(), Map.of(), "deleted_in_crm", now);
            recorder.recordByWorker(
                    WORKER,
                    new AuditChange(
                            "lead.deleted_in_crm",
                            "lead",
                            known.lead().id().value(),
                            Changes.diff(Map.of("sync_status", "synced"), Map.of("sync_status", "deleted_in_crm"))),
                    now);
        });
        events.settle(eventId, WebhookEventStatus.PROCESSED, now);
    }

    /**
     * Whether the copy is newer than the one applied (a copy with no change time, or a lead with none recorded, is
     * taken as newer: nothing tells otherwise).
     */
    private static boolean isNewer(CrmLead crm, LeadSyncRepository.SyncedLead known) {
        return known.remoteUpdatedAt() == null
                || crm.updatedAt() == null
                || crm.updatedAt().isAfter(known.remoteUpdatedAt());
    }

    private static boolean isNewer(CrmLead copy, CrmLead than) {
        return copy.updatedAt() != null
                && (than.updatedAt() == null || copy.updatedAt().isAfter(than.updatedAt()));
    }

    private static boolean isStale(LeadSyncRepository.SyncedLead known, CrmLead crm) {
        return known.remoteUpdatedAt() != null
                && crm.updatedAt() != null
                && crm.updatedAt().isBefore(known.remoteUpdatedAt());
    }

    private static LeadDetails details(CrmLead crm, Integer probability) {
        return LeadDetails.imported(
                crm.providerId(),
                crm.title(),
                crm.organization(),
                crm.contactName(),
                crm.contactEmail(),
                crm.contactPhone(),
                crm.value(),
                crm.currency(),
                probability,
                crm.expectedCloseDate());
    }

    private UserId owner(ProviderSettings provider) {
        UserId owner = idSetting(provider, "lead_owner_user_id", UserId::new);
        if (owner == null) {
            throw ProviderFailure.permanent(provider.name() + " configuration lacks 'lead_owner_user_id' (the PRM user "
                    + "who owns leads imported from it)");
        }
        if (users.findById(owner).isEmpty()) {
            throw ProviderFailure.permanent(
                    provider.name() + " configuration names lead_owner_user_id " + owner + ", which is no PRM user");
        }
        return owner;
    }

    /**
     * The configured partner and distributor of imported leads; one that does not exist, or a pair that no active
     * assignment links, fails the event, naming it.
     */
    private TenantRef tenant(ProviderSettings provider) {
        PartnerId partner = idSetting(provider, "lead_partner_id", PartnerId::new);
        DistributorId distributor = idSetting(provider, "lead_distributor_id", DistributorId::new);
        if (partner != null && partners.findById(partner).isEmpty()) {
            throw ProviderFailure.permanent(
                    provider.name() + " configuration names lead_partner_id " + partner + ", which is no partner");
        }
        if (distributor != null && distributors.findById(distributor).isEmpty()) {
            throw ProviderFailure.permanent(provider.name() + " configuration names lead_distributor_id " + distributor
                    + ", which is no distributor");
        }
        TenantRef tenant = new TenantRef(partner, distributor);
        if (!assignments.isAllowed(tenant)) {
            throw ProviderFailure.permanent(provider.name() + " configuration names lead_partner_id " + partner
                    + " and lead_distributor_id " + distributor + ", which no active assignment links");
        }
        return tenant;
    }

    /** The id a setting names (a UUID as text, wrapped by {@code idOf}); null when the setting is absent. */
    private static <I extends EntityId> I idSetting(ProviderSettings provider, String key, Function<UUID, I> idOf) {
        String value = provider.setting(key, null);
        if (value == null) {
            return null;
        }
        try {
            return idOf.apply(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException notUuid) {
            throw ProviderFailure.permanent(provider.name() + " configuration '" + key + "' is not a UUID");
        }
    }
}
