package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ProviderSettings;
import java.util.Map;

/**
 * A cheap call proving that a provider answers and accepts its credentials (Pennylane {@code GET /me}, Pipedrive
 * {@code GET /v1/users/me}). Chosen by {@link #providerName()} matching the checked {@code provider_configs} row.
 */
public interface ProviderHealthGateway {

    String providerName();

    /** Whether this gateway checks the provider row: by default, the one named {@link #providerName()}. */
    default boolean checks(ProviderSettings settings) {
        return providerName().equalsIgnoreCase(settings.name());
    }

    /**
     * What the provider says about the account the credentials belong to (company name, …), never a secret.
     *
     * @throws com.tentabo.prm.application.provider.ProviderFailure when it does not answer or refuses the credentials
     */
    Map<String, Object> check(ProviderSettings settings);
}
