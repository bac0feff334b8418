package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.contract.port.in.ExpireContractsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Expires ACTIVE contracts whose term is over, daily (cron {@code prm.contracts.expiry-cron}, default 00:15 UTC)
 * and once shortly after start. Safe on every instance at once: one UPDATE moves each contract exactly once.
 */
@ApplicationScoped
public class ContractExpiryJob {

    private static final Logger LOG = Logger.getLogger(ContractExpiryJob.class);
    private final ExpireContractsUseCase expire;

    public ContractExpiryJob(ExpireContractsUseCase expire) {
        this.expire = expire;
    }

    @Scheduled(
            identity = "contract-expiry",
            cron = "${prm.contracts.expiry-cron:0 15 0 * * ?}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        run();
    }

    @Scheduled(
            identity = "contract-expiry-at-start",
            delayed = "${prm.contracts.expiry-start-delay:30s}",
            every = "P3650D",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void atStart() {
        run();
    }

    void run() {
        int expired = expire.expireDue();
        if (expired > 0) {
            LOG.infof("Contract expiry: %d contract(s) moved to EXPIRED", expired);
        }
    }
}
