package com.tentabo.prm.application.dashboard.port.in;

import com.tentabo.prm.application.dashboard.Dashboard;
import com.tentabo.prm.domain.access.Caller;

/** The dashboard of the caller, in its scope. */
public interface ViewDashboardUseCase {

    /** @param expiringWithinDays the renewal horizon, 0–3660 days; null means 60 */
    Dashboard view(Caller caller, Integer expiringWithinDays);
}
