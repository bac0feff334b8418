package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.registration.port.in.PromoteLevelsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Promotes partners whose trailing-12-month figures meet the next programme level's thresholds, daily (cron
 * {@code prm.programme.promotion-cron}, default 00:40 UTC, after the registration expiry). Safe on every instance at
 * once: each promotion locks the partner's row and checks its figures again ({@code LevelPromotionService.promote}).
 */
@ApplicationScoped
public class LevelPromotionJob {

    private static final Logger LOG = Logger.getLogger(LevelPromotionJob.class);
    private final PromoteLevelsUseCase promote;

    public LevelPromotionJob(PromoteLevelsUseCase promote) {
        this.promote = promote;
    }

    @Scheduled(
            identity = "programme-promotion",
            cron = "${prm.programme.promotion-cron:0 40 0 * * ?}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int promoted = promote.promoteDue();
        if (promoted > 0) {
            LOG.infof("Programme promotion: %d partner(s) promoted to their next level", promoted);
        }
    }
}
