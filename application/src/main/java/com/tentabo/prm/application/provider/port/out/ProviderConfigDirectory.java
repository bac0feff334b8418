package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.domain.provider.ProviderType;

import java.util.Optional;

/** Reads which provider of a kind is active ({@code provider_configs}, at most one active per kind). */
public interface ProviderConfigDirectory {
    Optional<String> activeProviderName(ProviderType type);
}
