package com.tentabo.prm.application.dashboard.port.in;

/**
 * Folds the changes recorded since the last fold into the dashboard's summary (a job runs it every few seconds). The
 * dashboard is exact whether it has run or not; folding keeps what a dashboard reads small.
 */
public interface FoldDashboardTotalsUseCase {

    /** @return how many recorded changes were folded */
    long fold();
}
