package com.tentabo.prm.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that a test moves: use cases read "now" from their {@link Clock}, so a test fixes it and moves it forward
 * instead of back-dating rows. It either stands still at the instant set ({@link #MutableClock(Instant)},
 * {@link #standing()}) or follows the real time, shifted by what it was advanced ({@link #MutableClock()}, the
 * Quarkus tests' {@code MovableClock}). UTC, to the microsecond, as PostgreSQL stores time.
 */
public class MutableClock extends Clock {

    private static final Clock REAL = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    /** A clock standing at {@code start} until it is advanced or set. */
    public MutableClock(Instant start) {
        set(start);
    }

    /** A clock following the real time until it is set or advanced. */
    protected MutableClock() {}

    /** A clock standing at 2026-03-02T09:00:00Z. */
    public static MutableClock standing() {
        return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    }

    /** Moves the clock forward by {@code by}: a standing clock stays standing, a running one keeps running. */
    public MutableClock advance(Duration by) {
        Instant stopped = fixed;
        if (stopped != null) {
            fixed = stopped.plus(by).truncatedTo(ChronoUnit.MICROS);
        } else {
            offset = offset.plus(by).truncatedTo(ChronoUnit.MICROS);
        }
        return this;
    }

    /** Stops the clock at {@code at}, to the microsecond (until it is advanced or set again). */
    public MutableClock set(Instant at) {
        fixed = at.truncatedTo(ChronoUnit.MICROS);
        offset = Duration.ZERO;
        return this;
    }

    /** Back to the real time, running. */
    protected void followRealTime() {
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
        return ZoneOffset.UTC.equals(zone) ? this : Clock.fixed(instant(), zone);
    }
}
