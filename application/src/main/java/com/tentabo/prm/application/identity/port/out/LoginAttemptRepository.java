package com.tentabo.prm.application.identity.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Login attempts ({@code login_attempts}), shared by every instance, for throttling. */
public interface LoginAttemptRepository {

    void record(UUID id, String username, String ipAddress, boolean succeeded, Instant at);

    /** Times of the failed attempts for this (lower-case) username since {@code since}, newest first, at most {@code limit}. */
    List<Instant> failuresOfUsernameSince(String username, Instant since, int limit);

    /** Times of the failed attempts from this IP address since {@code since}, newest first, at most {@code limit}. */
    List<Instant> failuresOfAddressSince(String ipAddress, Instant since, int limit);

    /** Deletes at most {@code limit} attempts made before {@code before}; returns how many. */
    int deleteBefore(Instant before, int limit);
}
