package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.dashboard.port.in.FoldDashboardTotalsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the dashboard's recorded changes into its totals every {@code prm.dashboard.fold-interval} (default 5 s;
 * {@code off} turns it off). Safe on every instance at once (docs/dashboard.md).
 */
@ApplicationScoped
public class DashboardFoldJob {

    private final FoldDashboardTotalsUseCase dashboard;

    public DashboardFoldJob(FoldDashboardTotalsUseCase dashboard) {
        this.dashboard = dashboard;
    }

    @Scheduled(
            identity = "dashboard-fold",
            every = "${prm.dashboard.fold-interval:5s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fold() {
        dashboard.fold();
    }
}
