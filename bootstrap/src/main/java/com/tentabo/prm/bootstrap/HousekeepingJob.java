package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.housekeeping.HousekeepingSettings;
import com.tentabo.prm.application.housekeeping.port.in.PurgeExpiredRecordsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes expired login attempts and idempotency keys daily (cron {@code prm.housekeeping.cron}, default 00:45 UTC).
 * Safe on every instance at once. Retention: {@code prm.housekeeping.*}, checked at start (docs/operations.md).
 */
@ApplicationScoped
public class HousekeepingJob {

    private static final Logger LOG = Logger.getLogger(HousekeepingJob.class);
    private final PurgeExpiredRecordsUseCase purge;

    public HousekeepingJob(PurgeExpiredRecordsUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(
            identity = "housekeeping",
            cron = "${prm.housekeeping.cron:0 45 0 * * ?}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        PurgeExpiredRecordsUseCase.Purged purged = purge.purge();
        LOG.infof(
                "Housekeeping: deleted %d login attempt(s) and %d idempotency key(s) past their retention",
                purged.loginAttempts(), purged.idempotencyKeys());
    }

    @Produces
    @Singleton
    static HousekeepingSettings settings(
            @ConfigProperty(name = "prm.housekeeping.login-attempt-retention", defaultValue = "P30D") Duration attempts,
            @ConfigProperty(name = "prm.housekeeping.idempotency-key-retention", defaultValue = "P7D") Duration keys,
            @ConfigProperty(name = "prm.housekeeping.batch-size", defaultValue = "10000") int batchSize) {
        return new HousekeepingSettings(attempts, keys, batchSize);
    }
}
