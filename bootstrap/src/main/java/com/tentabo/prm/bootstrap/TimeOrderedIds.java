package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.shared.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter within the millisecond, then 62
 * random bits. The ids this instance hands out increase, so the rows a bulk write inserts (a CRM import's leads, their
 * history and audit rows) add their primary-key and foreign-key index entries at the right edge of each B-tree instead
 * of on random pages (docs/performance.md, "Pipedrive import").
 *
 * <p>An id tells when its row was made and is guessable around it: ids are not secrets (a record out of the caller's
 * scope answers 404 whatever its id), and no token, key or invitation is made from one — those draw their own
 * {@link SecureRandom} bytes.
 */
public final class TimeOrderedIds implements IdGenerator {

    private static final int COUNTER_BITS = 12;
    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_62 = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** The last millisecond handed out, shifted left by the counter's bits, plus that millisecond's counter. */
    private final AtomicLong last = new AtomicLong();

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID newId() {
        long now = clock.millis() << COUNTER_BITS;
        // the next counter value in this millisecond; a full counter (4,096 ids) or a clock set back borrows the
        // following millisecond, so ids never repeat or go back
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, now));
        long millis = stamp >>> COUNTER_BITS;
        long counter = stamp & ((1L << COUNTER_BITS) - 1);
        long mostSignificant = (millis << 16) | VERSION_7 | counter;
        long leastSignificant = (random.nextLong() & RANDOM_62) | VARIANT_IETF;
        return new UUID(mostSignificant, leastSignificant);
    }
}
