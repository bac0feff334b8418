package com.tentabo.prm.application.provider;

import com.tentabo.prm.application.shared.workqueue.ItemFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not succeed. {@code retryable} says whether the same call may succeed later (network
 * error, timeout, 429, 5xx); a permanent failure (refused credentials, a payload the provider rejects) needs a
 * person. {@code retryAfter} is the provider's own hint (a {@code Retry-After} header), when it gave one.
 * Messages name the provider, the call and the status, never a credential.
 */
public final class ProviderFailure extends RuntimeException implements ItemFailure {

    private final boolean retryable;
    private final boolean credentialsRefused;
    private final boolean rateLimited;
    private final transient Duration retryAfter;

    private ProviderFailure(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        this(message, retryable, false, false, retryAfter, cause);
    }

    private ProviderFailure(
            String message,
            boolean retryable,
            boolean credentialsRefused,
            boolean rateLimited,
            Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.credentialsRefused = credentialsRefused;
        this.rateLimited = rateLimited;
        this.retryAfter = retryAfter;
    }

    /**
     * The provider refused the call for its rate limit (HTTP 429: a burst window, or a daily budget spent):
     * retryable after {@code retryAfter}. A sync that meets it stops where it is and resumes there next time.
     */
    public static ProviderFailure rateLimited(String message, Duration retryAfter) {
        return new ProviderFailure(message, true, false, true, retryAfter, null);
    }

    public static ProviderFailure retryable(String message, Duration retryAfter) {
        return new ProviderFailure(message, true, retryAfter, null);
    }

    public static ProviderFailure retryable(String message, Throwable cause) {
        return new ProviderFailure(message, true, null, cause);
    }

    public static ProviderFailure permanent(String message) {
        return new ProviderFailure(message, false, null, null);
    }

    /**
     * The provider refused the credentials themselves (HTTP 401 or 403): permanent, and the provider is marked
     * unhealthy at once, whatever call met it.
     */
    public static ProviderFailure credentialsRefused(String message) {
        return new ProviderFailure(message, false, true, false, null, null);
    }

    public boolean isRateLimited() {
        return rateLimited;
    }

    public boolean isCredentialsRefused() {
        return credentialsRefused;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
