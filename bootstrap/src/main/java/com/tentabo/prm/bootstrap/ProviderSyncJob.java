package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.port.in.SyncProviderUseCase;
import com.tentabo.prm.domain.provider.ProviderType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Syncs the active CRM (leads changed since the last successful run) and the active billing provider (the invoices
 * of billed contracts) daily (cron {@code prm.providers.sync-cron}, default 02:30 UTC; {@code off} turns it off).
 * Every instance may run it: queued leads are de-duplicated and an unchanged invoice list writes nothing, so a second
 * run at the same time only adds a sync log row (docs/providers.md).
 */
@ApplicationScoped
public class ProviderSyncJob {

    private static final Logger LOG = Logger.getLogger(ProviderSyncJob.class);
    private final SyncProviderUseCase sync;

    public ProviderSyncJob(SyncProviderUseCase sync) {
        this.sync = sync;
    }

    @Scheduled(
            identity = "provider-sync",
            cron = "${prm.providers.sync-cron:0 30 2 * * ?}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        for (ProviderType type : new ProviderType[] {ProviderType.CRM, ProviderType.BILLING}) {
            Optional<SyncLogRecord> run = sync.syncActive(type);
            run.ifPresent(r -> LOG.infof(
                    "Provider sync: %s %s %s, %d synced, %d failed",
                    r.providerName(), r.entityType(), r.status(), r.recordsSynced(), r.recordsFailed()));
        }
    }
}
