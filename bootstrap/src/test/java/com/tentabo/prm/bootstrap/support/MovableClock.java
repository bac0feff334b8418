package com.tentabo.prm.bootstrap.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's {@link Clock} in the Quarkus tests, in place of the one {@code Wiring} produces: the real clock
 * (UTC, to the microsecond) until a test sets or advances it, so that a test makes things due by moving time rather
 * than by back-dating rows. The whole suite shares one boot: a test that moves the clock calls {@link #reset()} in its
 * {@code @AfterEach}, so that no other test class sees a moved clock whatever order they run in. The service checks
 * its access tokens by this clock too: call the API at the real time (reset first), not while the clock is moved
 * past the tokens' lifetime.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    private static final Clock REAL = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    /** Stops the clock at {@code at}, to the microsecond (until it is advanced, set again or reset). */
    public void set(Instant at) {
        fixed = at.truncatedTo(ChronoUnit.MICROS);
        offset = Duration.ZERO;
    }

    /** Moves the clock forward by {@code by}: a stopped clock stays stopped, a running one keeps running. */
    public void advance(Duration by) {
        Instant stopped = fixed;
        if (stopped != null) {
            fixed = stopped.plus(by).truncatedTo(ChronoUnit.MICROS);
        } else {
            offset = offset.plus(by).truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** Back to the real time. */
    public void reset() {
        fixed = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant stopped = fixed;
        return stopped != null ? stopped : REAL.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
