package com.tentabo.prm.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that stands still until a test moves it: use cases read "now" from their {@link Clock}, so a test fixes
 * it and moves it forward instead of back-dating rows. Ticks in microseconds, as PostgreSQL stores time.
 */
public final class MutableClock extends Clock {

    private Instant now;

    public MutableClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.MICROS);
    }

    /** A clock standing at 2026-03-02T09:00:00Z. */
    public static MutableClock standing() {
        return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    }

    public MutableClock advance(Duration by) {
        now = now.plus(by).truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public MutableClock set(Instant at) {
        now = at.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
