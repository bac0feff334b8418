package com.tentabo.prm.bootstrap.support;

import com.tentabo.prm.application.fakes.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The application's {@link Clock} in the Quarkus tests, in place of the one {@code Wiring} produces: the real clock
 * (UTC, to the microsecond) until a test sets or advances it, so that a test makes things due by moving time rather
 * than by back-dating rows. The whole suite shares one boot: a test that moves the clock calls {@link #reset()} in its
 * {@code @AfterEach}, so that no other test class sees a moved clock whatever order they run in. The service checks
 * its access tokens by this clock too: call the API at the real time (reset first), not while the clock is moved
 * past the tokens' lifetime (an API key, checked against its own expiry, may be used at any time).
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends MutableClock {

    /** Back to the real time. */
    public void reset() {
        followRealTime();
    }
}
