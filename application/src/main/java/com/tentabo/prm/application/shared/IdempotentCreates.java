package com.tentabo.prm.application.shared;

import com.tentabo.prm.application.shared.port.out.IdempotencyRepository;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code Idempotency-Key} rule of every create (docs/api.md): called first in the creating transaction, it claims
 * the key for the id the new record will get. A concurrent retry with the same key waits for that transaction, then
 * finds the claim. Keys are per caller and per operation.
 */
@ApplicationScoped
public class IdempotentCreates {

    private final IdempotencyRepository claims;

    public IdempotentCreates(IdempotencyRepository claims) {
        this.claims = claims;
    }

    /**
     * Empty when the caller sent no key or the key is new: go on and create the record with {@code newId}. Otherwise
     * the record the first request created, read by {@code load} (which applies the caller's read rules, so a record
     * that has left the caller's scope since is "not found"); the same key with another request is a 422
     * {@code IDEMPOTENCY_KEY_REUSED}.
     */
    private <T> Optional<T> earlier(
            Caller caller, String operation, IdempotencyKey key, UUID newId, Function<UUID, T> load) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<IdempotencyRepository.Claimed> earlier =
                claims.claim(caller.principalId(), operation, key.key(), key.requestHash(), newId);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().requestHash().equals(key.requestHash())) {
            throw new DomainException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used for a different request");
        }
        return Optional.of(load.apply(earlier.get().resourceId()));
    }

    /**
     * Creates with {@code create} (which must give the new record the id {@code newId}), unless an earlier request with
     * the same key created one already: then that one, read by {@code load}, marked as replayed.
     */
    public <T> Created<T> create(
            Caller caller,
            String operation,
            IdempotencyKey key,
            UUID newId,
            Function<UUID, T> load,
            java.util.function.Supplier<T> create) {
        Optional<T> earlier = earlier(caller, operation, key, newId, load);
        return earlier.map(first -> new Created<>(first, true)).orElseGet(() -> Created.created(create.get()));
    }
}
