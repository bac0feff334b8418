package com.tentabo.prm.adapters.rest.edge;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller key ({@code user:…}, {@code api-key:…}, {@code address:…}), in memory on this instance:
 * a bucket holds up to {@code quota} requests and refills continuously, the whole quota in {@code window}. Taking a
 * token is a few arithmetic operations under the bucket's lock — no I/O, no database write. Buckets that are full
 * again (idle callers) are dropped when the table grows past {@code maxBuckets}, so that a flood of distinct
 * addresses cannot grow it without bound.
 */
public final class RateLimiter {

    /** A named limit: {@code quota} requests per {@code window}. */
    public record Policy(String name, long quota, Duration window) {
        public Policy {
            Objects.requireNonNull(name, "name");
            if (quota < 1 || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a positive quota and window");
            }
        }

        long nanosPerToken() {
            return Math.max(1, window.toNanos() / quota);
        }

        /** {@code "name";q=quota;w=seconds}: one item of the {@code RateLimit-Policy} header. */
        public String header() {
            return "\"" + name + "\";q=" + quota + ";w=" + Math.max(1, window.toSeconds());
        }
    }

    /**
     * The outcome of one request: allowed or not, tokens left, seconds until the bucket is full again and (when
     * refused) seconds until the next token.
     */
    public record Decision(Policy policy, boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
        /** {@code "name";r=remaining;t=seconds}: the {@code RateLimit} header. */
        public String header() {
            return "\"" + policy.name() + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final int maxBuckets;

    public RateLimiter(LongSupplier nanoTime, int maxBuckets) {
        this.nanoTime = nanoTime;
        this.maxBuckets = maxBuckets;
    }

    /** Takes one token from the caller's bucket (created full on first use). */
    public Decision take(String key, Policy policy) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxBuckets) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(policy, now));
        return bucket.take(policy, now);
    }

    int size() {
        return buckets.size();
    }

    /** Tokens are counted in nanoseconds of refill: {@code fullAt} is when the bucket will be full again. */
    private static final class Bucket {
        private Policy policy;
        private long fullAt;

        Bucket(Policy policy, long now) {
            this.policy = policy;
            this.fullAt = now;
        }

        synchronized boolean fullAt(long now) {
            return now - fullAt >= 0;
        }

        synchronized Decision take(Policy current, long now) {
            if (!current.equals(policy)) {
                policy = current;
                fullAt = now;
            }
            long perToken = policy.nanosPerToken();
            long capacityNanos = perToken * policy.quota();
            long start = now - fullAt >= 0 ? now : fullAt; // an overdue bucket is simply full
            long fullAtIfTaken = start + perToken;
            long used = fullAtIfTaken - now;
            if (used > capacityNanos) {
                long wait = used - capacityNanos;
                return new Decision(policy, false, 0, seconds(fullAt - now), Math.max(1, seconds(wait)));
            }
            fullAt = fullAtIfTaken;
            long remaining = (capacityNanos - used) / perToken;
            return new Decision(policy, true, remaining, seconds(fullAt - now), 0);
        }

        private static long seconds(long nanos) {
            return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
        }
    }
}
