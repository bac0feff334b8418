package com.tentabo.prm.application.housekeeping.port.in;

/** The daily housekeeping job: deletes the rows whose retention is over. */
public interface PurgeExpiredRecordsUseCase {

    /** How many rows were deleted, per table. */
    record Purged(long loginAttempts, long idempotencyKeys) {}

    Purged purge();
}
