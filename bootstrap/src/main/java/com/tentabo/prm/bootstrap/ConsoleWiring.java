package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.identity.ConsoleSessionSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Web console configuration ({@code prm.console.*}). */
@Singleton
public class ConsoleWiring {

    private final Duration sessionLifetime;

    public ConsoleWiring(
            @ConfigProperty(name = "prm.console.session-lifetime", defaultValue = "PT8H") Duration sessionLifetime) {
        this.sessionLifetime = sessionLifetime;
    }

    @Produces
    @Singleton
    ConsoleSessionSettings consoleSessionSettings() {
        return new ConsoleSessionSettings(sessionLifetime);
    }
}
