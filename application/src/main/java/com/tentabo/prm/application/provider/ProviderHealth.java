package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.shared.Transitions;
import java.util.Locale;
import java.util.Optional;

/**
 * The health of a provider, as the last check or call found it ({@code provider_configs.health_status} and
 * {@code provider_health_checks.status}). UNKNOWN: never checked (a new provider, {@code ProviderConfig.create});
 * HEALTHY: it answered; OFFLINE: it did not answer but may later (no answer, timeout, 429, 5xx); DEGRADED: it
 * answered refusing the credentials or the configuration. Once checked, any health may follow any other (health is
 * an observation, not a workflow), and nothing goes back to UNKNOWN. What depends on the change is whether it
 * alerts an administrator ({@link #alertsAfter}).
 * The persistence adapter stores the seed's strings ({@code unknown}, {@code healthy}, {@code offline},
 * {@code degraded}); a value
 * read back is the stored text as it is ({@code ProviderConfig.healthStatus}, {@link HealthCheckRecord#status()}),
 * since the seed's column has no check.
 */
public enum ProviderHealth {
    UNKNOWN,
    HEALTHY,
    OFFLINE,
    DEGRADED;

    private static final Transitions<ProviderHealth> TABLE = Transitions.of(ProviderHealth.class)
            .allow(UNKNOWN, HEALTHY, OFFLINE, DEGRADED)
            .allow(HEALTHY, HEALTHY, OFFLINE, DEGRADED)
            .allow(OFFLINE, HEALTHY, OFFLINE, DEGRADED)
            .allow(DEGRADED, HEALTHY, OFFLINE, DEGRADED);

    public boolean canMoveTo(ProviderHealth to) {
        return TABLE.allows(this, to);
    }

    /** The health a failed check or call means: OFFLINE when the provider may answer later, else DEGRADED. */
    public static ProviderHealth of(ProviderFailure failure) {
        return failure.isRetryable() ? OFFLINE : DEGRADED;
    }

    /**
     * Whether recording this health after the provider's previous one (as stored; null when never checked) alerts
     * an administrator: an unhealthy status that differs from the previous one. A provider staying unhealthy alerts
     * once; one recovering alerts nobody.
     */
    public boolean alertsAfter(String previous) {
        return this != HEALTHY
                && this != UNKNOWN
                && ofWire(previous).map(p -> p != this).orElse(true);
    }

    /** The spelling of the API and of the stored rows. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The health of a stored or shown value; empty for null or a value that is none of them (a legacy row). */
    public static Optional<ProviderHealth> ofWire(String value) {
        for (ProviderHealth health : values()) {
            if (health.wireName().equals(value)) {
                return Optional.of(health);
            }
        }
        return Optional.empty();
    }
}
