package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.provider.port.out.ProviderHealthRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * A provider that refuses its credentials (HTTP 401 or 403) in any call — an outbox delivery, a webhook's lead import,
 * a sync — is marked unhealthy at once: {@code health_status} {@code degraded}, the call's error as
 * {@code health_check_error}, the time as {@code last_health_check}, exactly what a health check meeting the same
 * answer records. Operators see a revoked token on the provider without waiting for the next check.
 */
@ApplicationScoped
public class ProviderHealthMarks {

    public static final String HEALTHY = "healthy";
    public static final String OFFLINE = "offline";
    public static final String DEGRADED = "degraded";
    public static final String CALL = "call";

    private final ProviderConfigDirectory providers;
    private final ProviderHealthRepository history;
    private final IdGenerator ids;
    private final Clock clock;

    public ProviderHealthMarks(ProviderConfigDirectory providers, ProviderHealthRepository history, IdGenerator ids,
                               Clock clock) {
        this.providers = providers;
        this.history = history;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The health a failed check means: {@code offline} when the provider may answer later (no answer, timeout, 429,
     * 5xx), else {@code degraded} (it answered, refusing the credentials or the configuration).
     */
    public static String statusOf(ProviderFailure failure) {
        return failure.isRetryable() ? OFFLINE : DEGRADED;
    }

    /** After a failed call of the provider: marks it {@code degraded} when the failure refused its credentials. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void afterFailure(ProviderSettings provider, ProviderFailure failure) {
        if (failure.isCredentialsRefused()) {
            Instant now = clock.instant();
            providers.recordHealth(provider.type(), provider.name(), DEGRADED, now, failure.getMessage());
            history.appendByName(provider.type(), provider.name(),
                    new HealthCheckRecord(ids.newId(), null, DEGRADED, failure.getMessage(), CALL, now));
        }
    }
}
