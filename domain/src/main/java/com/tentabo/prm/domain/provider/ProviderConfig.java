package com.tentabo.prm.domain.provider;

import com.tentabo.prm.domain.id.ProviderId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code provider_configs} row, without its secrets: the non-secret {@code configuration} as stored and only the
 * <em>names</em> of the stored credentials ({@code credentialNames}, sorted; {@code null} when they cannot be known:
 * the credentials are encrypted and the service has no key to read them). The credential values never live in this
 * value, so it can be shown, logged and audited.
 *
 * <p>Invariants: type, name and timestamps are present; at most one provider of a type is active (enforced by the
 * database and by the activation use case). The input rules of a new or changed provider (name pattern,
 * configuration limits) belong to the use case; a stored row loads as it is.
 */
public record ProviderConfig(
        ProviderId id,
        ProviderType type,
        String name,
        boolean active,
        Map<String, Object> configuration,
        List<String> credentialNames,
        String healthStatus,
        Instant lastHealthCheck,
        String healthCheckError,
        Instant createdAt,
        Instant updatedAt) {

    /** The health status of a provider never checked. */
    public static final String HEALTH_UNKNOWN = "unknown";

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        configuration =
                configuration == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        credentialNames = credentialNames == null
                ? null
                : credentialNames.stream().sorted().toList();
    }

    /** A new provider: never health-checked, no credentials yet. */
    public static ProviderConfig create(
            ProviderId id, ProviderType type, String name, Map<String, Object> configuration, Instant at) {
        return new ProviderConfig(id, type, name, false, configuration, List.of(), HEALTH_UNKNOWN, null, null, at, at);
    }

    public ProviderConfig withActive(boolean newActive, Instant at) {
        return new ProviderConfig(
                id,
                type,
                name,
                newActive,
                configuration,
                credentialNames,
                healthStatus,
                lastHealthCheck,
                healthCheckError,
                createdAt,
                at);
    }

    public ProviderConfig withConfiguration(Map<String, Object> newConfiguration, Instant at) {
        return new ProviderConfig(
                id,
                type,
                name,
                active,
                newConfiguration,
                credentialNames,
                healthStatus,
                lastHealthCheck,
                healthCheckError,
                createdAt,
                at);
    }

    public ProviderConfig withCredentialNames(List<String> names, Instant at) {
        return new ProviderConfig(
                id,
                type,
                name,
                active,
                configuration,
                names,
                healthStatus,
                lastHealthCheck,
                healthCheckError,
                createdAt,
                at);
    }
}
