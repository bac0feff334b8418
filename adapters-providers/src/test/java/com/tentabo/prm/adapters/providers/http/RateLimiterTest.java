package com.tentabo.prm.adapters.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tentabo.prm.application.provider.ProviderFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sliding window on a fake clock: sleeping advances it, so nothing here depends on the wall clock. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final List<Long> sleeps = new ArrayList<>();

    private RateLimiter limiter(int permits, Duration maxWait) {
        return new RateLimiter("pennylane", permits, Duration.ofSeconds(5), maxWait, now::get, nanos -> {
            synchronized (sleeps) {
                sleeps.add(nanos);
            }
            now.addAndGet(nanos);
        });
    }

    @Test
    void callsWithinTheLimit_goAtOnce_andTheNextWaitsForTheOldestToLeaveTheWindow() {
        RateLimiter limiter = limiter(3, Duration.ofSeconds(5));
        limiter.acquire("token");
        now.addAndGet(SECOND);
        limiter.acquire("token");
        limiter.acquire("token");
        assertThat(sleeps).isEmpty();

        limiter.acquire("token");

        assertThat(sleeps).containsExactly(4 * SECOND);
        assertThat(limiter.inWindow("token")).isEqualTo(3);
    }

    @Test
    void aWindowThatLeftLongAgo_countsNothing() {
        RateLimiter limiter = limiter(2, Duration.ofSeconds(5));
        limiter.acquire("token");
        limiter.acquire("token");
        now.addAndGet(5 * SECOND);

        limiter.acquire("token");
        limiter.acquire("token");

        assertThat(sleeps).isEmpty();
    }

    @Test
    void aWaitLongerThanTheMaximum_failsRetryableAfterTheWait_insteadOfSleeping() {
        RateLimiter limiter = limiter(1, Duration.ofSeconds(1));
        limiter.acquire("token");

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> limiter.acquire("token"));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(failure.getMessage()).startsWith("pennylane client-side rate limit (1 calls per 5000 ms)");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void threadsSharingTheLimiter_neverTakeMoreThanThePermitsOfOneWindow() throws Exception {
        RateLimiter limiter = limiter(25, Duration.ofSeconds(60));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            done.add(pool.submit(() -> {
                start.await();
                limiter.acquire("token");
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : done) {
            call.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // 100 calls at 25 per 5 s: the fake clock had to move at least three whole windows
        assertThat(now.get()).isGreaterThanOrEqualTo(15 * SECOND);
        assertThat(limiter.inWindow("token")).isLessThanOrEqualTo(25);
    }
}
