package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.id.LoginAttemptId;
import java.time.Instant;
import java.util.List;

/**
 * Login attempts ({@code login_attempts}), shared by every instance, for throttling. {@code address} is the
 * throttling key of the client address (an IPv4 address, or the /64 network of an IPv6 one).
 */
public interface LoginAttemptRepository {

    void record(LoginAttemptId id, String username, String address, boolean succeeded, Instant at);

    /**
     * Times of the failed attempts for this (lower-case) username from this address since {@code since}, newest
     * first, at most {@code limit}.
     */
    List<Instant> failuresOfUsernameAndAddressSince(String username, String address, Instant since, int limit);

    /** Times of the failed attempts from this address since {@code since}, newest first, at most {@code limit}. */
    List<Instant> failuresOfAddressSince(String address, Instant since, int limit);

    /** Deletes at most {@code limit} attempts made before {@code before}; returns how many. */
    int deleteBefore(Instant before, int limit);
}
