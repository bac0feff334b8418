package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.domain.provider.ProviderType;
import java.util.Optional;

/** Reads which provider of a kind is active ({@code provider_configs}, at most one active per kind). */
public interface ProviderConfigDirectory {
    Optional<String> activeProviderName(ProviderType type);

    /**
     * The active provider of the kind with its configuration and decrypted credentials; a
     * {@link com.tentabo.prm.application.provider.ProviderFailure} (not retried) when its credentials cannot be
     * decrypted with the configured key.
     */
    Optional<ProviderSettings> activeSettings(ProviderType type);

    /** The active provider with this name (any kind, name compared ignoring case), decrypted like {@link #activeSettings}. */
    Optional<ProviderSettings> activeSettingsNamed(String providerName);

    /**
     * A token that changes whenever what {@link #activeSettingsNamed} answers for this name would change (another row
     * active, its configuration or credentials edited), read without decrypting anything; empty when no provider of
     * that name is active. Lets a caller keep the decrypted settings between calls.
     */
    Optional<String> activeVersionNamed(String providerName);

    /**
     * Records the outcome of a call as the provider's health (status, time, error), found by type and name (ignoring
     * case); its {@code updated_at} (its version) stays as it is.
     */
    void recordHealth(
            ProviderType type, String providerName, ProviderHealth status, java.time.Instant at, String error);
}
