package com.tentabo.prm.application.shared.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers the result of a create made with an {@code Idempotency-Key}. Claims are made in the creating
 * transaction: a concurrent retry with the same key waits for the first to commit and then sees its result.
 */
public interface IdempotencyRepository {

    /** A key already used, with the hash of the request that used it and the resource it created. */
    record Claimed(String requestHash, UUID resourceId) {}

    /**
     * Claims the key for {@code resourceId}. Returns empty when the claim is new (go on and create), or the earlier
     * claim when the key was already used (return that resource instead of creating another).
     */
    Optional<Claimed> claim(UUID principalId, String operation, String key, String requestHash, UUID resourceId);

    /** Forgets at most {@code limit} keys claimed before {@code before}; returns how many. */
    int deleteBefore(Instant before, int limit);
}
