package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.provider.port.in.ProviderHealthUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the health of every active provider every {@code prm.providers.health-interval} (default 5 min; {@code off}
 * turns it off on this instance). Several instances each record their own checks: the history shows them all.
 */
@ApplicationScoped
public class ProviderHealthJob {

    private final ProviderHealthUseCase health;

    public ProviderHealthJob(ProviderHealthUseCase health) {
        this.health = health;
    }

    @Scheduled(
            identity = "provider-health",
            every = "${prm.providers.health-interval:5m}",
            delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        health.checkActive();
    }
}
