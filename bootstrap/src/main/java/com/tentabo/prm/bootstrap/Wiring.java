package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.shared.IdGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Time and ids for the whole application: injected everywhere, replaced in tests. */
@Singleton
public class Wiring {

    /**
     * UTC, to the microsecond: PostgreSQL keeps timestamps to the microsecond (rounding finer ones), so an instant
     * the service hands out — in an ETag, say — is the one it reads back.
     */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Time-ordered (version 7) UUIDs on the system's clock, whatever clock a test injects: see {@link TimeOrderedIds}. */
    @Produces
    @Singleton
    IdGenerator idGenerator() {
        return new TimeOrderedIds(Clock.systemUTC());
    }
}
