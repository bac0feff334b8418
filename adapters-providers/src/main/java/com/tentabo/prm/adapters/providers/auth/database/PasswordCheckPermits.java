package com.tentabo.prm.adapters.providers.auth.database;

import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A bound on concurrent bcrypt work (each check costs about a quarter of a second of one core): at most
 * {@code prm.auth.password-check-concurrency} checks run at once (default: the processors less one, at least one),
 * so that a flood of wrong logins never takes every core. A check that finds no permit within
 * {@code prm.auth.password-check-wait} (default 1 s) is refused at once with 503 {@code AUTHENTICATION_BUSY} and
 * {@code Retry-After: 1}: the service is busy, the caller did nothing wrong and is not counted as a failed attempt.
 */
@ApplicationScoped
public class PasswordCheckPermits {

    private final Semaphore permits;
    private final Duration wait;

    @Inject
    public PasswordCheckPermits(
            @ConfigProperty(name = "prm.auth.password-check-concurrency", defaultValue = "0") int concurrency,
            @ConfigProperty(name = "prm.auth.password-check-wait", defaultValue = "PT1S") Duration wait) {
        int size =
                concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.permits = new Semaphore(size, true);
        this.wait = wait;
    }

    /** Runs one bcrypt computation under a permit, or refuses with 503 when none frees within the wait. */
    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new RetryLaterException(
                    ErrorCode.AUTHENTICATION_BUSY,
                    "Too many sign-ins are being checked right now; retry in a second",
                    1);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** Takes a permit without waiting (false when none is free); give it back with {@link #release()}. */
    public boolean tryTake() {
        return permits.tryAcquire();
    }

    public void release() {
        permits.release();
    }
}
