package com.tentabo.prm.adapters.providers.billing.pennylane;

import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.adapters.providers.http.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Pennylane's documented rate, kept on our side: 25 requests per 5 seconds per token. One bean per instance, shared
 * by every Pennylane call of that instance (outbox, sync, polling, browsing). A call waits for the window at most
 * {@link #MAX_WAIT}; beyond that it fails as retryable, due when the window frees.
 */
@ApplicationScoped
public class PennylaneRateLimit implements JsonHttp.Throttle {

    static final int PERMITS = 25;
    static final Duration WINDOW = Duration.ofSeconds(5);
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final RateLimiter limiter;

    public PennylaneRateLimit() {
        this(RateLimiter.system(PennylaneBillingGateway.NAME, PERMITS, WINDOW, MAX_WAIT));
    }

    PennylaneRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void beforeCall(JsonHttp.Endpoint endpoint) {
        limiter.beforeCall(endpoint);
    }
}
