package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.CrmLeadPage;
import com.tentabo.prm.application.provider.Gateways;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.port.in.SyncProviderUseCase;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import com.tentabo.prm.application.provider.port.out.SyncLogRepository.SyncRun;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Lists what the CRM changed since the last successful run, page by page with no transaction open while the CRM is
 * called, and queues each changed lead for the webhook worker (one transaction per page). The run is recorded
 * whatever happens: {@code success}, or {@code failed} with the CRM's error and how many leads were queued before it
 * (those stay queued; the next run starts again from the last successful one).
 */
@ApplicationScoped
public class ProviderSyncService implements SyncProviderUseCase {

    /** A CRM that keeps answering a next page stops here (100 000 leads at 100 a page). */
    static final int MAX_PAGES = 1000;

    private final ProviderSyncSteps steps;
    private final Instance<CrmGateway> crmGateways;
    private final IdGenerator ids;
    private final Clock clock;

    public ProviderSyncService(ProviderSyncSteps steps, Instance<CrmGateway> crmGateways, IdGenerator ids, Clock clock) {
        this.steps = steps;
        this.crmGateways = crmGateways;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public SyncLogRecord sync(Caller caller, UUID providerId) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        ProviderSettings settings = steps.syncable(providerId);
        CrmGateway crm = Gateways.named(crmGateways, CrmGateway::providerName, settings.name()).orElseThrow(
                () -> new DomainException(ErrorCode.BUSINESS_RULE_VIOLATED,
                        "This version cannot sync provider '" + settings.name() + "'"));
        Instant started = clock.instant();
        Optional<Instant> since = steps.lastSuccess(providerId);
        String syncType = since.isPresent() ? "incremental" : "full";
        int queued = 0;
        String error = null;
        try {
            Set<String> seen = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                CrmLeadPage page = crm.leadsChangedSince(settings, since.orElse(null), cursor);
                queued += steps.queue(settings.name(), settings.type(), page, clock.instant());
                cursor = page.next();
                if (cursor != null && !seen.add(cursor) || ++pages >= MAX_PAGES) {
                    error = "the CRM kept answering pages (stopped after " + pages + ")";
                    cursor = null;
                }
            } while (cursor != null);
        } catch (ProviderFailure failure) {
            error = failure.getMessage();
        }
        String details = error == null ? null
                : "{\"error\": \"" + ProviderSyncSteps.json(error) + "\", \"queued\": " + queued + "}";
        return steps.record(new SyncRun(ids.newId(), providerId, syncType, ProviderSyncSteps.LEAD, "pull", queued,
                error == null ? 0 : 1, details, error == null ? "success" : "failed", started, clock.instant()));
    }
}
