package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.shared.IdGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Time and ids for the whole application: injected everywhere, replaced in tests. */
@Singleton
public class Wiring {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    IdGenerator idGenerator() {
        return UUID::randomUUID;
    }
}
