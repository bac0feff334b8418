package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderHealth;
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

    public static final String CALL = "call";

    private final ProviderConfigDirectory providers;
    private final ProviderHealthRepository history;
    private final IdGenerator ids;
    private final Clock clock;

    public ProviderHealthMarks(
            ProviderConfigDirectory providers, ProviderHealthRepository history, IdGenerator ids, Clock clock) {
        this.providers = providers;
        this.history = history;
        this.ids = ids;
        this.clock = clock;
    }

    /** After a failed call of the provider: marks it {@code degraded} when the failure refused its credentials. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void afterFailure(ProviderSettings provider, ProviderFailure failure) {
        if (failure.isCredentialsRefused()) {
            Instant now = clock.instant();
            providers.recordHealth(
                    provider.type(), provider.name(), ProviderHealth.DEGRADED, now, failure.getMessage());
            history.appendByName(
                    provider.type(),
                    provider.name(),
                    new ProviderHealthRepository.NewCheck(
                            ids.newId(), null, ProviderHealth.DEGRADED, failure.getMessage(), CALL, now));
        }
    }
}
