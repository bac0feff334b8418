package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.registration.port.in.ExpireRegistrationsUseCase;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Expires APPROVED deal registrations whose protection window ended, daily (cron {@code prm.registrations.expiry-cron},
 * default 00:20 UTC) and once shortly after start, when it also says whether near matches by trigram similarity are
 * available. Safe on every instance at once: one UPDATE (rows locked, SKIP LOCKED) moves each registration exactly once.
 */
@ApplicationScoped
public class RegistrationExpiryJob {

    private static final Logger LOG = Logger.getLogger(RegistrationExpiryJob.class);
    private final ExpireRegistrationsUseCase expire;
    private final RegistrationRepository registrations;

    public RegistrationExpiryJob(ExpireRegistrationsUseCase expire, RegistrationRepository registrations) {
        this.expire = expire;
        this.registrations = registrations;
    }

    @Scheduled(
            identity = "registration-expiry",
            cron = "${prm.registrations.expiry-cron:0 20 0 * * ?}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        run();
    }

    @Scheduled(
            identity = "registration-expiry-at-start",
            delayed = "${prm.registrations.expiry-start-delay:30s}",
            every = "P3650D",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void atStart() {
        logMatching();
        run();
    }

    @Transactional
    void logMatching() {
        if (registrations.trigramSearchAvailable()) {
            LOG.info("Deal registration conflicts: exact keys and near names (pg_trgm trigram similarity)");
        } else {
            LOG.warn("Deal registration conflicts: pg_trgm is not installed, exact matching only (no near names)");
        }
    }

    void run() {
        int expired = expire.expireDue();
        if (expired > 0) {
            LOG.infof("Registration expiry: %d registration(s) moved to EXPIRED", expired);
        }
    }
}
