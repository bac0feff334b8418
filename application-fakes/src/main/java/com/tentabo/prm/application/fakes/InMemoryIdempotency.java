package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.shared.port.out.IdempotencyRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link IdempotencyRepository} in memory: the first claim of a (principal, operation, key) wins. */
public class InMemoryIdempotency implements IdempotencyRepository {

    private final Map<String, Claimed> claims = new ConcurrentHashMap<>();

    @Override
    public Optional<Claimed> claim(
            UUID principalId, String operation, String key, String requestHash, UUID resourceId) {
        Claimed mine = new Claimed(requestHash, resourceId);
        Claimed first = claims.putIfAbsent(principalId + "|" + operation + "|" + key, mine);
        return Optional.ofNullable(first);
    }

    @Override
    public int deleteBefore(Instant before, int limit) {
        return 0;
    }
}
