package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.provider.ProviderType;
import java.util.Map;
import java.util.Objects;

/**
 * The active provider of one kind, as configured in {@code provider_configs}: its non-secret {@code configuration}
 * and its {@code credentials}, already decrypted. {@link #toString()} never shows the credentials, so a settings
 * object that reaches a log line leaks nothing.
 */
public record ProviderSettings(
        String name, ProviderType type, Map<String, Object> configuration, Map<String, String> credentials) {

    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        configuration = configuration == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    /** A configuration value as text, or the fallback when it is absent or blank. */
    public String setting(String key, String fallback) {
        Object value = configuration.get(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    /** A credential, or a {@link ProviderFailure} (not retried) naming the missing key when it is absent. */
    public String credential(String key) {
        String value = credentials.get(key);
        if (value == null || value.isBlank()) {
            throw ProviderFailure.permanent(name + " credentials lack '" + key + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ProviderSettings[name=" + name + ", type=" + type + ", configuration=" + configuration
                + ", credentials=" + credentials.keySet() + " (values hidden)]";
    }
}
