package com.tentabo.prm.adapters.rest.edge;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rate limits of {@code prm.rate-limit.*} (docs/security.md): one policy for authenticated callers (per user or
 * API key), one for requests without credentials (per client address), and overrides for given callers
 * ({@code address:198.51.100.7=5/PT1M}, {@code api-key:<sha-256 of the key>=…}, {@code user:<id>=…},
 * {@code admin:<id>=…}).
 */
@ApplicationScoped
public class RateLimitSettings {

    private final boolean enabled;
    private final RateLimiter.Policy caller;
    private final RateLimiter.Policy address;
    private final Map<String, RateLimiter.Policy> overrides = new HashMap<>();
    private final int maxBuckets;

    public RateLimitSettings(
            @ConfigProperty(name = "prm.rate-limit.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "prm.rate-limit.caller.quota", defaultValue = "1200") long callerQuota,
            @ConfigProperty(name = "prm.rate-limit.caller.window", defaultValue = "PT1M") Duration callerWindow,
            @ConfigProperty(name = "prm.rate-limit.address.quota", defaultValue = "120") long addressQuota,
            @ConfigProperty(name = "prm.rate-limit.address.window", defaultValue = "PT1M") Duration addressWindow,
            @ConfigProperty(name = "prm.rate-limit.overrides") Optional<List<String>> overrides,
            @ConfigProperty(name = "prm.rate-limit.max-buckets", defaultValue = "100000") int maxBuckets) {
        this.enabled = enabled;
        this.caller = new RateLimiter.Policy("caller", callerQuota, callerWindow);
        this.address = new RateLimiter.Policy("address", addressQuota, addressWindow);
        this.maxBuckets = maxBuckets;
        overrides.orElse(List.of()).forEach(this::override);
    }

    private void override(String entry) {
        int eq = entry.lastIndexOf('=');
        int slash = entry.lastIndexOf('/');
        if (eq < 1 || slash < eq) {
            throw new IllegalArgumentException("prm.rate-limit.overrides: expected key=quota/window, got " + entry);
        }
        try {
            String key = entry.substring(0, eq).strip();
            overrides.put(
                    key,
                    new RateLimiter.Policy(
                            key.startsWith("address:") ? "address" : "caller",
                            Long.parseLong(entry.substring(eq + 1, slash).strip()),
                            Duration.parse(entry.substring(slash + 1).strip())));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("prm.rate-limit.overrides: bad quota or window in " + entry, e);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public int maxBuckets() {
        return maxBuckets;
    }

    /** The policy of a caller key: its override, else the address policy for addresses, else the caller policy. */
    public RateLimiter.Policy policyOf(String key) {
        RateLimiter.Policy override = overrides.get(key);
        if (override != null) {
            return override;
        }
        return key.startsWith("address:") ? address : caller;
    }
}
