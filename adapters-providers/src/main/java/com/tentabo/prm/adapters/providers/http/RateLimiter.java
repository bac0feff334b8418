package com.tentabo.prm.adapters.providers.http;

import com.tentabo.prm.application.provider.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A client-side limit of at most {@code permits} calls in any sliding {@code window}, per key (a provider's token:
 * the provider counts per token). One instance is shared by every thread of the JVM that calls the provider (the
 * outbox, webhook and sync workers, requests), so together they stay within the provider's documented rate instead
 * of each meeting its 429s. A call over the limit waits until the oldest call of the window leaves it; a wait longer
 * than {@code maxWait} is not waited for: the call fails as retryable, with the wait as its {@code retryAfter}.
 * <p>
 * Time and sleeping are injected ({@link #system}), so the limit is tested without the wall clock. Keys are kept as
 * SHA-256 digests: the map never holds a token.
 */
public final class RateLimiter implements JsonHttp.Throttle {

    /** Sleeps for a number of nanoseconds; interruptible. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final String provider;
    private final int permits;
    private final long windowNanos;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Deque<Long>> calls = new ConcurrentHashMap<>();

    public RateLimiter(
            String provider, int permits, Duration window, Duration maxWait, LongSupplier nanoTime, Sleeper sleeper) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one call per positive window");
        }
        this.provider = provider;
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** The limit on the JVM's monotonic clock, waiting with {@link Thread#sleep}. */
    public static RateLimiter system(String provider, int permits, Duration window, Duration maxWait) {
        return new RateLimiter(
                provider,
                permits,
                window,
                maxWait,
                System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    @Override
    public void beforeCall(JsonHttp.Endpoint endpoint) {
        acquire(endpoint.secret() == null ? endpoint.baseUrl() : endpoint.secret());
    }

    /** Takes one call of the key's window, waiting for it when the window is full. */
    public void acquire(String key) {
        Deque<Long> window = calls.computeIfAbsent(digest(key), k -> new ArrayDeque<>());
        while (true) {
            long wait;
            synchronized (window) {
                long now = nanoTime.getAsLong();
                while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
                    window.pollFirst();
                }
                if (window.size() < permits) {
                    window.addLast(now);
                    return;
                }
                wait = window.peekFirst() + windowNanos - now;
            }
            if (wait > maxWaitNanos) {
                throw ProviderFailure.retryable(
                        provider + " client-side rate limit (" + permits + " calls per "
                                + Duration.ofNanos(windowNanos).toMillis() + " ms) is busy; not waiting "
                                + Duration.ofNanos(wait).toMillis() + " ms",
                        Duration.ofNanos(wait).plusMillis(999).withNanos(0));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderFailure.retryable(provider + " call was interrupted waiting for its rate limit", e);
            }
        }
    }

    /** Calls taken in the key's current window (for tests and metrics). */
    int inWindow(String key) {
        Deque<Long> window = calls.get(digest(key));
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            long now = nanoTime.getAsLong();
            return (int) window.stream().filter(at -> now - at < windowNanos).count();
        }
    }

    private static String digest(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
