package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.domain.provider.ProviderConfig;

/**
 * How a {@link ProviderHealth} is stored in {@code provider_configs.health_status} and
 * {@code provider_health_checks.status}: the seed's strings, spelled here once. Reads keep the stored text as it is
 * (a row of the replaced system may hold another value).
 */
final class ProviderHealthColumn {

    private ProviderHealthColumn() {}

    static String stored(ProviderHealth health) {
        return switch (health) {
            case UNKNOWN -> ProviderConfig.HEALTH_UNKNOWN;
            case HEALTHY -> "healthy";
            case OFFLINE -> "offline";
            case DEGRADED -> "degraded";
        };
    }
}
