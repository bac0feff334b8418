package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.CrmLeadPage;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.port.out.ProviderActivityDirectory;
import com.tentabo.prm.application.provider.port.out.ProviderConfigRepository;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The database work of a sync, each step in a transaction of its own (see {@link ProviderSyncService}). */
@ApplicationScoped
public class ProviderSyncSteps {

    static final String LEAD = "lead";
    static final String SYNC_EVENT = "lead.sync";

    private final ProviderConfigRepository providers;
    private final SyncLogRepository syncLogs;
    private final ProviderActivityDirectory directory;
    private final WebhookEventRepository events;
    private final IdGenerator ids;

    public ProviderSyncSteps(ProviderConfigRepository providers, SyncLogRepository syncLogs,
                             ProviderActivityDirectory directory, WebhookEventRepository events, IdGenerator ids) {
        this.providers = providers;
        this.syncLogs = syncLogs;
        this.directory = directory;
        this.events = events;
        this.ids = ids;
    }

    /** The active CRM provider with this id and its decrypted credentials, or 404 / 422. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProviderSettings syncable(UUID providerId) {
        ProviderConfig config = providers.findById(providerId).orElseThrow(
                () -> DomainException.notFound(ErrorCode.PROVIDER_NOT_FOUND, "Provider", providerId));
        if (config.type() != ProviderType.CRM || !config.active()) {
            throw new DomainException(ErrorCode.BUSINESS_RULE_VIOLATED, "Only an active CRM provider can be synced; '"
                    + config.name() + "' is " + (config.active() ? "a " + config.type() + " provider" : "inactive"));
        }
        return new ProviderSettings(config.name(), config.type(), config.configuration(), providers.credentials(providerId));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> lastSuccess(UUID providerId) {
        return syncLogs.lastSuccessStart(providerId, LEAD);
    }

    /**
     * Queues each changed lead for the webhook worker, once per (lead, change time): a lead a webhook or an earlier
     * sync already queued at that time is not queued twice. Answers how many were queued.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int queue(String providerName, ProviderType type, CrmLeadPage page, Instant now) {
        int queued = 0;
        for (CrmLeadPage.Change change : page.leads()) {
            String eventId = "sync:" + change.leadId() + ":" + (change.updatedAt() == null ? "" : change.updatedAt());
            if (events.lockAndFind(providerName, eventId).isEmpty()) {
                String payload = "{\"meta\": {\"entity\": \"lead\", \"entity_id\": \"" + json(change.leadId())
                        + "\", \"action\": \"change\", \"source\": \"sync\"}}";
                events.insert(ids.newId(), providerName, type, new ParsedWebhook(eventId, SYNC_EVENT, payload),
                        Map.of(), null, now);
                queued++;
            }
        }
        return queued;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
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
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
