package com.tentabo.prm.application.housekeeping.service;

import com.tentabo.prm.application.housekeeping.HousekeepingSettings;
import com.tentabo.prm.application.housekeeping.port.in.PurgeExpiredRecordsUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.function.ToIntBiFunction;

/**
 * Deletes expired rows in batches, each batch in its own transaction ({@link PurgeBatches}), until a batch comes back
 * short. Safe on several instances at once: a row is deleted once, and a batch that finds nothing ends the loop.
 * Deleting expired rows is not a change of business data, so it writes no audit row.
 */
@ApplicationScoped
public class HousekeepingService implements PurgeExpiredRecordsUseCase {

    private final PurgeBatches batches;
    private final HousekeepingSettings settings;
    private final Clock clock;

    public HousekeepingService(PurgeBatches batches, HousekeepingSettings settings, Clock clock) {
        this.batches = batches;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Purged purge() {
        Instant now = clock.instant();
        long attempts = drain(batches::loginAttempts, now.minus(settings.loginAttemptRetention()));
        long keys = drain(batches::idempotencyKeys, now.minus(settings.idempotencyKeyRetention()));
        return new Purged(attempts, keys);
    }

    private long drain(ToIntBiFunction<Instant, Integer> batch, Instant before) {
        long total = 0;
        int deleted;
        do {
            deleted = batch.applyAsInt(before, settings.batchSize());
            total += deleted;
        } while (deleted >= settings.batchSize());
        return total;
    }
}
