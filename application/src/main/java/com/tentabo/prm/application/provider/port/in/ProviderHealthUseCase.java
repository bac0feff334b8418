package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ProviderId;

/** Providers' health on a schedule, and its history. */
public interface ProviderHealthUseCase {

    /** Checks every active provider that can be checked, with no caller; answers how many were checked. */
    int checkActive();

    /** The provider's recorded checks, newest first (ADMIN, RESTRICTED_ADMIN); 404 for an unknown provider. */
    Page<HealthCheckRecord> history(Caller caller, ProviderId providerId, String cursor, Integer limit);
}
