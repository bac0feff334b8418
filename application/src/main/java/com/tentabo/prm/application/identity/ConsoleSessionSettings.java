package com.tentabo.prm.application.identity;

import java.time.Duration;

/** How long a web console session lasts from sign-in ({@code prm.console.session-lifetime}). */
public record ConsoleSessionSettings(Duration lifetime) {
    public ConsoleSessionSettings {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("the console session lifetime must be positive");
        }
    }
}
