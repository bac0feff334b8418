package com.tentabo.prm.adapters.rest.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final RateLimiter limiter = new RateLimiter(now::get, 3);
    private final RateLimiter.Policy tenPerMinute = new RateLimiter.Policy("caller", 10, Duration.ofMinutes(1));

    @Test
    void givenAFreshBucket_thenTheQuotaPasses_theNextIsRefusedWithTheWaitForOneToken() {
        for (int i = 9; i >= 0; i--) {
            RateLimiter.Decision d = limiter.take("user:a", tenPerMinute);
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(i);
        }
        RateLimiter.Decision refused = limiter.take("user:a", tenPerMinute);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(refused.resetSeconds()).isEqualTo(60);
        assertThat(refused.header()).isEqualTo("\"caller\";r=0;t=60");
        assertThat(tenPerMinute.header()).isEqualTo("\"caller\";q=10;w=60");
    }

    @Test
    void givenTimePasses_thenTokensComeBackContinuously_andCallersAreIndependent() {
        for (int i = 0; i < 10; i++) {
            limiter.take("user:a", tenPerMinute);
        }
        assertThat(limiter.take("user:b", tenPerMinute).remaining()).isEqualTo(9);
        now.addAndGet(6 * SECOND);
        assertThat(limiter.take("user:a", tenPerMinute).allowed()).isTrue();
        assertThat(limiter.take("user:a", tenPerMinute).allowed()).isFalse();
        now.addAndGet(10 * 60 * SECOND);
        assertThat(limiter.take("user:a", tenPerMinute).remaining()).isEqualTo(9); // never more than the quota
    }

    @Test
    void givenManyIdleCallers_thenFullBucketsAreDropped_butNotBusyOnes() {
        limiter.take("address:1", tenPerMinute);
        limiter.take("address:2", tenPerMinute);
        limiter.take("address:3", tenPerMinute);
        now.addAndGet(7 * SECOND); // address:1..3 are full again
        limiter.take("address:4", tenPerMinute);
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void ipv6AddressesShareTheirSlash64() {
        assertThat(HttpEdge.network("2001:db8:1:2:aaaa::1"))
                .isEqualTo(HttpEdge.network("2001:db8:1:2:ffff::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(HttpEdge.network("2001:db8:1:3::1")).isNotEqualTo(HttpEdge.network("2001:db8:1:2::1"));
        assertThat(HttpEdge.network("198.51.100.7")).isEqualTo("198.51.100.7");
    }
}
