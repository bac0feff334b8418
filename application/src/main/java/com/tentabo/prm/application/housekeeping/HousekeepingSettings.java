package com.tentabo.prm.application.housekeeping;

import com.tentabo.prm.application.identity.service.LoginService;
import java.time.Duration;
import java.util.Objects;

/**
 * How long rows are kept ({@code prm.housekeeping.*}, produced by the bootstrap module).
 *
 * @param loginAttemptRetention    login attempts older than this are deleted; at least the throttling window
 *                                 ({@link LoginService#WINDOW}), or throttling would forget failures it still counts
 * @param idempotencyKeyRetention  an {@code Idempotency-Key} older than this is forgotten: a retry after that
 *                                 creates a new record; at least one hour
 * @param batchSize                rows deleted per transaction, so that a large backlog never holds long locks
 */
public record HousekeepingSettings(Duration loginAttemptRetention, Duration idempotencyKeyRetention, int batchSize) {

    public HousekeepingSettings {
        Objects.requireNonNull(loginAttemptRetention, "loginAttemptRetention");
        Objects.requireNonNull(idempotencyKeyRetention, "idempotencyKeyRetention");
        if (loginAttemptRetention.compareTo(LoginService.WINDOW) < 0) {
            throw new IllegalArgumentException("prm.housekeeping.login-attempt-retention must be at least "
                    + LoginService.WINDOW + " (the login throttling window), was " + loginAttemptRetention);
        }
        if (idempotencyKeyRetention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException(
                    "prm.housekeeping.idempotency-key-retention must be at least PT1H, was " + idempotencyKeyRetention);
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException(
                    "prm.housekeeping.batch-size must be between 1 and 100000, was " + batchSize);
        }
    }
}
