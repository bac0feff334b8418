package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.contract.port.out.ContractInvoiceRepository;
import com.tentabo.prm.application.contract.port.out.ContractInvoiceRepository.Billed;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.application.provider.BillingInvoice;
import com.tentabo.prm.application.provider.CrmLeadPage;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository;
import com.tentabo.prm.application.provider.port.out.BillingLinkRepository.InvoiceLink;
import com.tentabo.prm.application.provider.port.out.ProviderActivityDirectory;
import com.tentabo.prm.application.provider.port.out.ProviderConfigRepository;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database work of a sync; its callers run each call in a transaction of its own, none open while a provider is
 * called (see {@link ProviderSyncService}).
 */
@ApplicationScoped
public class ProviderSyncRecords {

    static final String LEAD = "lead";
    static final String SYNC_EVENT = "lead.sync";
    static final String INVOICE = "invoice";
    static final String INVOICES_SYNCED = "billing_invoices.synced";
    /** Marks, in {@code contracts.billing_invoices}, an invoice staff attached to the contract by hand. */
    static final String MANUAL = "manual";
    /** The user agent of the audit rows a sync writes (no person acts: the run is the author). */
    static final String WORKER = "provider-sync";

    private final ProviderConfigRepository providers;
    private final SyncLogRepository syncLogs;
    private final ProviderActivityDirectory directory;
    private final WebhookEventRepository events;
    private final LeadSyncRepository synced;
    private final ContractInvoiceRepository contracts;
    private final BillingLinkRepository links;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    public ProviderSyncRecords(
            ProviderConfigRepository providers,
            SyncLogRepository syncLogs,
            ProviderActivityDirectory directory,
            WebhookEventRepository events,
            LeadSyncRepository synced,
            ContractInvoiceRepository contracts,
            BillingLinkRepository links,
            AuditRecorder audit,
            IdGenerator ids) {
        this.providers = providers;
        this.syncLogs = syncLogs;
        this.directory = directory;
        this.events = events;
        this.synced = synced;
        this.contracts = contracts;
        this.links = links;
        this.audit = audit;
        this.ids = ids;
    }

    /** The active CRM or BILLING provider with this id and its decrypted credentials, or 404 / 422. */
    public ProviderSettings syncable(ProviderId providerId) {
        ProviderConfig config = providers
                .findById(providerId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.PROVIDER_NOT_FOUND, "Provider", providerId));
        if (config.type() != ProviderType.CRM && config.type() != ProviderType.BILLING || !config.active()) {
            throw new DomainException(
                    ErrorCode.BUSINESS_RULE_VIOLATED,
                    "Only an active CRM or BILLING provider can be synced; '" + config.name() + "' is "
                            + (config.active() ? "a " + config.type() + " provider" : "inactive"));
        }
        return new ProviderSettings(
                config.name(), config.type(), config.configuration(), providers.credentials(providerId));
    }

    /** The id of the active provider of the type, if one is active. */
    public Optional<ProviderId> activeProvider(ProviderType type) {
        return providers.list(new ProviderConfigRepository.ProviderQuery(type, true, null, null, 1)).stream()
                .map(ProviderConfig::id)
                .findFirst();
    }

    public Optional<Instant> lastSuccess(ProviderId providerId) {
        return syncLogs.lastSuccessStart(providerId, LEAD);
    }

    /** The cursor the newest lead sync of the provider left (see {@link com.tentabo.prm.application.provider.LeadCursor}), if one did. */
    public Optional<String> leadCursor(ProviderId providerId) {
        return syncLogs.lastCursor(providerId, LEAD);
    }

    /**
     * Queues each changed lead for the webhook worker, once per (lead, change time): a lead a webhook or an earlier
     * sync already queued at that time is not queued twice, and a known lead whose copy applied is not older than the
     * change (Pipedrive lists again the leads of the second a run started from; the first full import queued nothing)
     * is not queued at all. Answers how many were queued.
     */
    public int queue(String providerName, ProviderType type, CrmLeadPage page, Instant now) {
        if (page.leads().isEmpty()) {
            return 0;
        }
        Map<String, LeadSyncRepository.SyncedLead> known = synced.lockAllByProvider(
                providerName,
                page.leads().stream().map(CrmLeadPage.Change::leadId).toList());
        int queued = 0;
        for (CrmLeadPage.Change change : page.leads()) {
            LeadSyncRepository.SyncedLead applied = known.get(change.leadId());
            if (applied != null
                    && applied.remoteUpdatedAt() != null
                    && change.updatedAt() != null
                    && !change.updatedAt().isAfter(applied.remoteUpdatedAt())) {
                continue;
            }
            String eventId = "sync:" + change.leadId() + ":" + (change.updatedAt() == null ? "" : change.updatedAt());
            if (events.lockAndFind(providerName, eventId).isEmpty()) {
                String payload = "{\"meta\": {\"entity\": \"lead\", \"entity_id\": \"" + json(change.leadId())
                        + "\", \"action\": \"change\", \"source\": \"sync\"}}";
                events.insert(
                        new WebhookEventId(ids.newId()),
                        providerName,
                        type,
                        new ParsedWebhook(eventId, SYNC_EVENT, payload),
                        Map.of(),
                        null,
                        now);
                queued++;
            }
        }
        return queued;
    }

    /** The contracts the billing provider invoices (ACTIVE or EXPIRED, their order quoted there). */
    public List<Billed> billedThrough(String providerName) {
        return contracts.billedThrough(providerName);
    }

    /**
     * Replaces the contract's invoices with the provider's answer and audits it ({@value #INVOICES_SYNCED}, the
     * invoice ids before and after), in one transaction, only when the list changed. Answers whether it changed;
     * false too when the contract is gone. Staff's decisions win ({@code billing_invoice_links}): an invoice of the
     * quote that staff attached to another contract, or marked not contract-related, is left out, and the invoices
     * staff attached to this contract by hand stay on it (marked {@code "manual": true}).
     */
    public boolean recordInvoices(
            ContractId contractId, String providerName, List<BillingInvoice> invoices, Instant now) {
        List<Map<String, Object>> before = contracts.lockInvoices(contractId).orElse(null);
        if (before == null) {
            return false;
        }
        String provider = providerName.toLowerCase(Locale.ROOT);
        Map<String, InvoiceLink> decided = links.invoiceLinks(
                provider, invoices.stream().map(BillingInvoice::id).toList());
        List<Map<String, Object>> after = new ArrayList<>();
        for (BillingInvoice invoice : invoices) {
            InvoiceLink decision = decided.get(invoice.id());
            if (decision == null) {
                after.add(stored(invoice, providerName));
            } else if (contractId.equals(decision.contractId())) {
                Map<String, Object> item = stored(invoice, providerName);
                item.put(MANUAL, true);
                after.add(item);
            }
        }
        Set<String> listed = invoices.stream().map(BillingInvoice::id).collect(Collectors.toSet());
        Set<String> attached = links.attachedTo(provider, contractId).stream()
                .map(InvoiceLink::invoiceId)
                .collect(Collectors.toSet());
        before.stream()
                .filter(item -> attached.contains(String.valueOf(item.get("id")))
                        && !listed.contains(String.valueOf(item.get("id"))))
                .forEach(after::add);
        if (before.equals(after)) {
            return false;
        }
        contracts.replaceInvoices(contractId, after);
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("before", invoiceIds(before));
        pair.put("after", invoiceIds(after));
        audit.recordByWorker(
                WORKER,
                new AuditChange(INVOICES_SYNCED, "contract", contractId.value(), Map.of("billing_invoices", pair)),
                now);
        return true;
    }

    /** One invoice as {@code contracts.billing_invoices} keeps it: amounts as decimal strings, dates ISO. */
    static Map<String, Object> stored(BillingInvoice invoice, String providerName) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", invoice.id());
        item.put("number", invoice.number());
        item.put("status", invoice.status());
        item.put("paid", invoice.paid());
        item.put("draft", invoice.draft());
        item.put("amount", invoice.amount() == null ? null : invoice.amount().toPlainString());
        item.put(
                "remaining",
                invoice.remaining() == null ? null : invoice.remaining().toPlainString());
        item.put("currency", invoice.currency());
        item.put("date", invoice.date() == null ? null : invoice.date().toString());
        item.put(
                "deadline",
                invoice.deadline() == null ? null : invoice.deadline().toString());
        item.put("provider", providerName);
        return item;
    }

    private static List<String> invoiceIds(List<Map<String, Object>> invoices) {
        return invoices.stream().map(item -> String.valueOf(item.get("id"))).toList();
    }

    public SyncLogRecord record(SyncLogRepository.SyncRun run) {
        syncLogs.insert(run);
        return directory.syncLog(run.id()).orElseThrow();
    }

    /** A text as the inside of a JSON string. */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
