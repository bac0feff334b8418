package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.ProviderConfigRepository;
import com.tentabo.prm.application.provider.port.out.ProviderHealthRepository;
import com.tentabo.prm.domain.provider.ProviderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The database work of scheduled health checks, each step in a transaction of its own (no call inside one). */
@ApplicationScoped
public class ProviderHealthSteps {

    private final ProviderConfigRepository providers;
    private final ProviderHealthRepository history;

    public ProviderHealthSteps(ProviderConfigRepository providers, ProviderHealthRepository history) {
        this.providers = providers;
        this.history = history;
    }

    /** The active providers (at most one per type). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<ProviderConfig> active() {
        return providers.list(new ProviderConfigRepository.ProviderQuery(null, true, null, null, 100));
    }

    /** The provider with its decrypted credentials. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProviderSettings settings(ProviderConfig config) {
        return new ProviderSettings(config.name(), config.type(), config.configuration(),
                providers.credentials(config.id()));
    }

    /** Records the check on the provider (its version unchanged) and in its history. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(HealthCheckRecord check) {
        providers.saveHealth(check.providerId(), check.status(), check.checkedAt(), check.error());
        history.append(check);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ProviderConfig> find(UUID providerId) {
        return providers.findById(providerId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<HealthCheckRecord> history(UUID providerId, Instant cursorAt, UUID cursorId, int limit) {
        return history.list(providerId, cursorAt, cursorId, limit);
    }
}
