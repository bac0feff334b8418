package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.shared.IdGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

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

    @Produces
    @Singleton
    IdGenerator idGenerator() {
        return UUID::randomUUID;
    }
}
